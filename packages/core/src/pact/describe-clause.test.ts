import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clause, ClauseOf, ClauseKind } from './clauses.ts';
import { describeClause, type DescribeLocale } from './describe-clause.ts';
import { loadPact } from './validate.ts';
import { readRepoFile, smallPact } from './test-pacts.ts';
import { PLACE_GRANULARITIES, PURPOSES, TIME_GRANULARITIES } from './vocabulary.ts';

const pact = loadPact(readRepoFile('examples/pacts/eac-health-security-pact.v2.yaml'), 'eac-health-security-pact.v2.yaml');
const LOCALES: DescribeLocale[] = ['en', 'fr'];

// French groups digits and separates % with no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const text = (clause: Clause, locale: DescribeLocale, inPact = pact) => plain(describeClause(clause, inPact, locale).sentences.join('\n'));
const clause = <K extends ClauseKind>(id: string): ClauseOf<K> => pact.clauses.find((c) => c.id === id) as ClauseOf<K>;

describe('describeClause on the example pact', () => {
  it('describes every clause in both languages with whole sentences', () => {
    expect(pact.clauses).toHaveLength(18);
    for (const locale of LOCALES) {
      for (const c of pact.clauses) {
        const { title, sentences } = describeClause(c, pact, locale);
        expect(title).toBe(c.title);
        expect(sentences.length).toBeGreaterThan(0);
        for (const sentence of sentences) {
          expect({ id: c.id, sentence }).toEqual({ id: c.id, sentence: expect.stringMatching(/^\S.*[.:]$/) });
          expect(sentence).not.toMatch(/undefined|NaN|\[object/);
        }
      }
    }
  });

  it('says who shares what with whom, why, how fine, what is hidden and for how long (data-sharing)', () => {
    const hub = clause<'data-sharing'>('weekly-aggregates-to-hub');
    const en = text(hub, 'en');
    expect(en).toContain('Every partner state shares aggregate case counts with the hub (EAC), for surveillance, outbreak response and preparedness.');
    expect(en).toContain('first-level areas');
    expect(en).toContain('Counts below 5 are hidden');
    expect(en).toContain('5 years (1,825 days)');
    expect(en).toContain('every week, at the latest 2 days after the week ends');
    const fr = text(hub, 'fr');
    expect(fr).toContain('chaque État partenaire avec le centre régional (EAC)');
    expect(fr).toContain('Les effectifs inférieurs à 5 sont masqués');
    expect(fr).toContain('5 ans (1 825 jours)');
    expect(fr).toContain('chaque semaine, au plus tard 2 jours après la fin de la semaine');
  });

  it('names the dropped fields, the roles and the condition with its gloss (person-level sharing)', () => {
    const lines = clause<'data-sharing'>('case-reports-lake-victoria-outbreak');
    const en = text(lines, 'en');
    expect(en).toContain('Kenya, United Republic of Tanzania and Uganda share case reports');
    expect(en).toContain('Only a national focal point or hub coordinator may ask for it.');
    expect(en).toContain('`patientName`, `phone`, `nationalId` and `village`');
    expect(en).toContain('the sending party is at alert level 3 or more for the disease concerned');
    expect(en).toContain('`has(request.disease) && alert[request.from][request.disease] >= 3`');
    // Suppression does not apply to line lists, so it is not promised.
    expect(en).not.toContain('Counts below');
    const fr = text(lines, 'fr');
    expect(fr).toContain('Seul un point focal national ou coordinateur du centre régional');
    expect(fr).toContain('au bout de 90 jours');
  });

  it('gives reserves, the release condition, the 48-hour decision and repayment (stockpile-sharing)', () => {
    const reserve = clause<'stockpile-sharing'>('cholera-stockpile');
    const en = text(reserve, 'en');
    expect(en).toContain('Each party keeps 15% of its national stock of Oral cholera vaccine (1-dose)');
    expect(en).toContain('the asking party is at cholera alert level 2 or more');
    expect(en).toContain('decided by the hub coordinator at EAC within 48 hours');
    expect(en).toContain('paid back in kind within 180 days');
    const fr = text(reserve, 'fr');
    expect(fr).toContain('15 % de son stock national');
    expect(fr).toContain('Vaccin anticholérique oral');
    expect(fr).toContain('dans les 48 heures');
  });

  it('gives the indicator, threshold, amount, recipients and deadline (funding-trigger)', () => {
    const trigger = clause<'funding-trigger'>('cholera-incidence-funding');
    const en = text(trigger, 'en');
    expect(en).toContain('the indicator `cholera-weekly-incidence-per-100k` of the recipient is 5 or more');
    expect(en).toContain('USD 250,000');
    expect(en).toContain('USD 5,000,000');
    expect(en).toContain('Recipients: every partner state.');
    expect(en).toContain('within 14 days');
    const fr = text(trigger, 'fr');
    expect(fr).toContain('250 000 USD');
    expect(fr).toContain('de la partie bénéficiaire vaut 5 ou plus');
  });

  it('gives the corridor, its services, authorisation, tariff and settlement (referral-corridor)', () => {
    const corridor = clause<'referral-corridor'>('specialised-care-corridor');
    const en = text(corridor, 'en');
    expect(en).toContain('between Kenya, Uganda, Rwanda and United Republic of Tanzania for intensive care');
    expect(en).toContain('authorises each referral before the transfer');
    expect(en).toContain('transferred first and authorised afterwards');
    expect(en).toContain('USD 350 per day');
    expect(en).toContain('every 90 days through the hub (EAC)');
    expect(text(corridor, 'fr')).toContain('par l’intermédiaire du centre régional (EAC)');
  });

  it('gives professions, the mode, conditions and the temporary licence (licensure-recognition)', () => {
    expect(text(clause('nurses-midwives-recognition'), 'en')).toContain('Nurses and midwives licensed in one partner state may practise in the others with no further conditions.');
    expect(text(clause('nurses-midwives-recognition'), 'fr')).toContain('Les infirmiers et sages-femmes');
    const doctors = text(clause('doctors-recognition'), 'en');
    expect(doctors).toContain('Certificate of good standing from the issuing medical council; Registration with the host medical council within 30 days');
    expect(doctors).toContain('temporary licence of up to 90 days, while the host party is at alert level 3 or more for at least one disease');
    expect(text(clause('doctors-recognition'), 'fr')).toContain('autorisation temporaire de 90 jours au plus');
  });

  it('gives the scope, products, activation and maximum duration (emergency-waiver)', () => {
    const en = text(clause('vaccine-import-waiver'), 'en');
    expect(en).toContain('waive its import rules for Oral cholera vaccine (1-dose)');
    expect(en).toContain('lapses after 90 days at most');
    expect(text(clause('vaccine-import-waiver'), 'fr')).toContain('suspendre ses règles d’importation');
  });

  it('gives who leads, decides and is told at each level, with deadlines (escalation)', () => {
    const { sentences } = describeClause(clause('regional-escalation'), pact, 'en');
    expect(sentences).toHaveLength(5);
    expect(sentences[3]).toBe(
      'Level 3 (Regional response): the hub coordinator at EAC leads; the national focal point of the affected party decides within 12 hours; ' +
        'the national focal point of every partner state and the finance officer at EAC must be told within 12 hours.',
    );
    const fr = describeClause(clause('regional-escalation'), pact, 'fr').sentences;
    expect(fr[4]).toContain('dirige : le coordinateur du centre régional (EAC)');
    expect(fr[4]).toContain('dans les 6 heures');
  });

  it('gives the indicator, target, due date and who owes it (milestone)', () => {
    expect(text(clause('seven-one-seven-timeliness'), 'en')).toContain(
      'By 31 December 2027, the indicator `events-meeting-7-1-7-share` of each partner state must be 0.8 or more.',
    );
    expect(text(clause('seven-one-seven-timeliness'), 'fr')).toContain('D’ici au 31 décembre 2027');
    expect(text(clause('seven-one-seven-timeliness'), 'fr')).toContain('0,8 ou plus');
    const regional = text(clause('regional-ocv-reserve'), 'en');
    expect(regional).toContain('the regional indicator `regional-ocv-reserve-doses` must be 500,000 or more');
    expect(regional).toContain('The region as a whole owes it.');
  });
});

describe('describeClause on other shapes of clause', () => {
  const small = (clauses: Clause[]) => smallPact(clauses);

  it('lists reserves per party, repayment in money, and a condition without a gloss', () => {
    const reserve: Clause = {
      id: 'r',
      kind: 'stockpile-sharing',
      title: 'R',
      products: ['ors'],
      reserveShare: { KE: 0.2, UG: 0.05 },
      releaseCondition: 'size(alert) > 1',
      decidedBy: ['KE/national-focal-point', 'affected-party/national-focal-point', 'auditor'],
      decisionDeadlineHours: 1,
      repayment: { withinDays: 30, inKind: false },
      parties: ['KE', 'UG'],
    };
    const en = text(reserve, 'en', small([reserve]));
    expect(en).toContain('Kenya 20% and Uganda 5%');
    expect(en).toContain('while this condition holds: `size(alert) > 1`');
    expect(en).toContain('the national focal point of Kenya, the national focal point of the affected party and the auditor at HUB within 1 hour');
    expect(en).toContain('in kind or in money, within 30 days');
    expect(en).toContain('It binds Kenya and Uganda.');
    const fr = text(reserve, 'fr', small([reserve]));
    expect(fr).toContain('le point focal national (Kenya)');
    expect(fr).toContain('l’auditeur (HUB)');
    expect(fr).toContain('Parties liées : Kenya et Uganda.');
  });

  it('describes a share of the envelope paid on a condition alone', () => {
    const trigger: Clause = {
      id: 't',
      kind: 'funding-trigger',
      title: 'T',
      envelope: { id: 'fund', currency: 'EUR', amount: 1000 },
      condition: 'alert[party]["ebola"] >= 4',
      share: 0.25,
      disbursementDeadlineDays: 7,
      recipients: ['KE', 'HUB'],
    };
    const en = text(trigger, 'en', small([trigger]));
    expect(en).toContain('pays EUR 250 (25%) to each recipient');
    expect(en).toContain('the recipient is at Ebola virus disease alert level 4 or more');
    expect(en).toContain('Recipients: Kenya and the hub (HUB).');
  });

  it('describes consent, fields kept, monthly reporting due at the end of the month, and a corridor without prior authorisation', () => {
    const data: Clause = {
      id: 'd',
      kind: 'data-sharing',
      title: 'D',
      dataset: 'referrals',
      from: ['KE'],
      to: ['UG', 'public'],
      purposes: ['treatment'],
      granularity: { place: 'facility', time: 'month' },
      fields: ['service', 'status'],
      retentionDays: 1,
      consentRequired: true,
      reporting: { frequency: 'monthly', deadlineDays: 0 },
    };
    const corridor: Clause = {
      id: 'c',
      kind: 'referral-corridor',
      title: 'C',
      parties: ['KE', 'UG'],
      services: ['dialysis'],
      priorAuthorisation: false,
      emergencyOverride: false,
      tariff: { currency: 'USD', perCase: 900, perDay: 10 },
      settlement: { periodDays: 30, via: 'KE' },
      condition: 'now < timestamp("2029-01-01T00:00:00Z")',
    };
    const p = small([data, corridor]);
    const en = text(data, 'en', p);
    expect(en).toContain('Kenya shares patient referrals with Uganda and the public, for treatment.');
    expect(en).toContain('Only these fields are shared: `service` and `status`.');
    expect(en).toContain('after 1 day.');
    expect(en).toContain('consent of the person');
    expect(en).toContain('every month, by the end of the month');
    expect(text(data, 'fr', p)).toContain('au plus tard à la fin du mois');
    const c = text(corridor, 'en', p);
    expect(c).toContain('No prior authorisation is needed.');
    expect(c).toContain('USD 10 per day and USD 900 per case');
    expect(c).toContain('before 1 January 2029');
  });

  it('describes an escalation for named diseases, a waiver for every product and a milestone of one party', () => {
    const escalation: Clause = {
      id: 'e',
      kind: 'escalation',
      title: 'E',
      diseases: ['cholera', 'covid-19'],
      levels: [{ level: 2, name: 'Alert', lead: 'KE', decides: 'hub-coordinator', notify: ['requesting-party/finance-officer'], deadlineHours: 2 }],
    };
    const waiver: Clause = { id: 'w', kind: 'emergency-waiver', title: 'W', scope: 'ip', activation: 'true', maxDurationDays: 30 };
    const milestone: Clause = { id: 'm', kind: 'milestone', title: 'M', indicator: 'indicators["beds." + party]', target: 10, comparison: '<', due: '2026-01-31', party: 'UG' };
    const p = small([escalation, waiver, milestone]);
    expect(text(escalation, 'en', p)).toContain('The playbook for cholera and COVID-19, level by level:');
    expect(text(escalation, 'en', p)).toContain('Level 2 (Alert): Kenya leads; the hub coordinator at HUB decides within 2 hours; the finance officer of the requesting party must be told');
    expect(text(waiver, 'en', p)).toContain('waive its intellectual-property protections for every product, while this condition holds: `true`.');
    expect(text(milestone, 'en', p)).toContain('By 31 January 2026, the indicator `beds` of Uganda must be less than 10.');
    expect(text(milestone, 'en', p)).toContain('Uganda owes it.');
    expect(text(milestone, 'fr', p)).toContain('de la partie Uganda doit valoir moins de 10');
  });
});

describe('describeClause, property', () => {
  const dataClause = fc.record({
    from: fc.subarray(['KE', 'UG', 'TZ', 'all-parties'], { minLength: 1 }),
    to: fc.subarray(['KE', 'UG', 'HUB', 'public'], { minLength: 1 }),
    purposes: fc.subarray([...PURPOSES], { minLength: 1 }),
    place: fc.constantFrom(...PLACE_GRANULARITIES),
    time: fc.constantFrom(...TIME_GRANULARITIES),
    k: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
    retentionDays: fc.integer({ min: 1, max: 20_000 }),
    locale: fc.constantFrom<DescribeLocale>('en', 'fr'),
  });

  it('always promises the retention, and suppression exactly when counts are suppressed', () => {
    fc.assert(
      fc.property(dataClause, (d) => {
        const c: Clause = {
          id: 'x',
          kind: 'data-sharing',
          title: 'X',
          dataset: 'aggregate-counts',
          from: d.from,
          to: d.to,
          purposes: d.purposes,
          granularity: { place: d.place, time: d.time },
          ...(d.k === undefined ? {} : { minCellSize: d.k }),
          retentionDays: d.retentionDays,
        };
        const said = text(c, d.locale, smallPact([c]));
        expect(said).toContain(new Intl.NumberFormat(d.locale === 'fr' ? 'fr-FR' : 'en-GB').format(d.retentionDays).replace(/[\u00a0\u202f]/g, ' '));
        const suppressed = d.k !== undefined && d.k > 1 && d.place !== 'person';
        expect(/Counts below|effectifs inférieurs/.test(said)).toBe(suppressed);
        expect(said).not.toMatch(/undefined|NaN/);
      }),
    );
  });
});
