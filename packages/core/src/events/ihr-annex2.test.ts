import { describe, expect, it } from 'vitest';
import { DISEASES } from '../catalogue/diseases.ts';
import { assessIhrAnnex2, IHR_CRITERIA, IHR_QUESTIONS, type IhrAnswers } from './ihr-annex2.ts';

const answersOf = (yn: string): IhrAnswers => Object.fromEntries(IHR_CRITERIA.map((c, i) => [c, yn[i] === 'Y']));
const codesIn = (group: string) => DISEASES.filter((d) => d.ihr === group).map((d) => d.code);

/**
 * The lists of IHR (2005) Annex 2, written here from the Annex's text rather
 * than read from the catalogue, so that the catalogue is checked against them.
 * Left box: "A case of the following diseases is unusual or unexpected and
 * may have serious public health impact, and thus shall be notified".
 */
const ANNEX2_ALWAYS_NOTIFIABLE: Record<string, string> = {
  smallpox: 'Smallpox',
  'polio-wild': 'Poliomyelitis due to wild-type poliovirus',
  'influenza-new-subtype': 'Human influenza caused by a new subtype',
  sars: 'Severe acute respiratory syndrome (SARS)',
};

/**
 * Right box: "An event involving the following diseases shall always lead to
 * utilization of the algorithm": cholera, pneumonic plague, yellow fever,
 * viral haemorrhagic fevers (Ebola, Lassa, Marburg), West Nile fever, and
 * other diseases of special national or regional concern, "e.g. dengue
 * fever, Rift Valley fever, and meningococcal disease".
 */
const ANNEX2_ALWAYS_ASSESSED: Record<string, string> = {
  cholera: 'Cholera',
  'plague-pneumonic': 'Pneumonic plague',
  'yellow-fever': 'Yellow fever',
  ebola: 'Viral haemorrhagic fever (Ebola)',
  lassa: 'Viral haemorrhagic fever (Lassa)',
  marburg: 'Viral haemorrhagic fever (Marburg)',
  'west-nile': 'West Nile fever',
  dengue: 'Special national or regional concern (dengue fever)',
  'rift-valley-fever': 'Special national or regional concern (Rift Valley fever)',
  meningococcal: 'Special national or regional concern (meningococcal disease)',
};

/** Viral haemorrhagic fevers the Annex does not name in its parenthesis, which the catalogue assesses as members of that group. */
const OTHER_VIRAL_HAEMORRHAGIC_FEVERS = ['cchf'];

describe('assessIhrAnnex2: the diseases of the instrument', () => {
  it('the catalogue marks exactly the four diseases of the Annex 2 left box always notifiable', () => {
    expect(codesIn('always-notifiable').sort()).toEqual(Object.keys(ANNEX2_ALWAYS_NOTIFIABLE).sort());
  });

  it('the catalogue marks every disease of the Annex 2 right box always assessed, and only other viral haemorrhagic fevers beside them', () => {
    expect(codesIn('always-assessed').sort()).toEqual([...Object.keys(ANNEX2_ALWAYS_ASSESSED), ...OTHER_VIRAL_HAEMORRHAGIC_FEVERS].sort());
  });

  it('keeps diseases the Annex does not list out of both boxes', () => {
    for (const disease of ['measles', 'mpox', 'covid-19', 'malaria', 'influenza-seasonal']) expect(codesIn('other')).toContain(disease);
  });

  it.each(Object.entries(ANNEX2_ALWAYS_NOTIFIABLE))('a single case of %s (%s) is notifiable whatever the answers', (disease) => {
    const result = assessIhrAnnex2({ disease, answers: answersOf('NNNN') });
    expect(result).toMatchObject({ outcome: 'notify', deadlineHours: 24, criteriaMet: [] });
    expect(result.path).toEqual(['group:always-notifiable', `disease:${disease}`, 'outcome:notify']);
    expect(assessIhrAnnex2({ disease }).outcome).toBe('notify');
  });

  it.each([...Object.entries(ANNEX2_ALWAYS_ASSESSED), ...OTHER_VIRAL_HAEMORRHAGIC_FEVERS.map((code) => [code, 'Viral haemorrhagic fever'])])('%s (%s) always enters the instrument: two criteria notify, fewer do not', (disease) => {
    expect(assessIhrAnnex2({ disease, answers: answersOf('NNNN') })).toMatchObject({ outcome: 'not-notifiable-now', deadlineHours: null });
    expect(assessIhrAnnex2({ disease, answers: answersOf('NYNY') })).toMatchObject({ outcome: 'notify', deadlineHours: 24, criteriaMet: ['unusualOrUnexpected', 'travelOrTradeRestrictions'] });
    expect(assessIhrAnnex2({ disease, answers: answersOf('YYNN') }).path[0]).toBe('group:always-assessed');
  });

  it.each(codesIn('other'))('%s enters only when flagged of potential international concern', (disease) => {
    expect(assessIhrAnnex2({ disease, answers: answersOf('YYYY') })).toMatchObject({ outcome: 'not-applicable', deadlineHours: null, path: ['group:other', 'outcome:not-applicable'] });
    expect(assessIhrAnnex2({ disease, answers: answersOf('YYYY'), potentialInternationalConcern: true }).outcome).toBe('notify');
  });

  it('an event of unknown cause enters when of potential international concern', () => {
    expect(assessIhrAnnex2({ answers: answersOf('YNYN'), potentialInternationalConcern: true })).toMatchObject({
      outcome: 'notify',
      path: ['group:potential-international-concern', 'seriousImpact:yes', 'unusualOrUnexpected:no', 'internationalSpread:yes', 'outcome:notify'],
    });
    expect(assessIhrAnnex2({}).outcome).toBe('not-applicable');
  });

  it('refuses a disease code the catalogue does not know', () => {
    expect(() => assessIhrAnnex2({ disease: 'flu' })).toThrow(expect.objectContaining({ code: 'EVENT_DISEASE_UNKNOWN' }));
  });
});

describe('assessIhrAnnex2: all 16 answer combinations', () => {
  // Questions I–IV in order; "asked" is how many the flowchart needs before the outcome is settled.
  const table: [string, 'notify' | 'not-notifiable-now', number][] = [
    ['YYYY', 'notify', 2],
    ['YYYN', 'notify', 2],
    ['YYNY', 'notify', 2],
    ['YYNN', 'notify', 2],
    ['YNYY', 'notify', 3],
    ['YNYN', 'notify', 3],
    ['YNNY', 'notify', 4],
    ['YNNN', 'not-notifiable-now', 4],
    ['NYYY', 'notify', 3],
    ['NYYN', 'notify', 3],
    ['NYNY', 'notify', 4],
    ['NYNN', 'not-notifiable-now', 4],
    ['NNYY', 'notify', 4],
    ['NNYN', 'not-notifiable-now', 4],
    ['NNNY', 'not-notifiable-now', 3],
    ['NNNN', 'not-notifiable-now', 3],
  ];

  it('covers every combination once', () => {
    expect(new Set(table.map(([yn]) => yn)).size).toBe(16);
  });

  it.each(table)('%s → %s after %i questions', (yn, outcome, asked) => {
    const result = assessIhrAnnex2({ disease: 'cholera', answers: answersOf(yn) });
    expect(result.outcome).toBe(outcome);
    expect(result.deadlineHours).toBe(outcome === 'notify' ? 24 : null);
    const steps = result.path.filter((p) => /:(yes|no)$/.test(p));
    expect(steps).toEqual(IHR_CRITERIA.slice(0, asked).map((c, i) => `${c}:${yn[i] === 'Y' ? 'yes' : 'no'}`));
    expect(result.criteriaMet).toEqual(IHR_CRITERIA.slice(0, asked).filter((_, i) => yn[i] === 'Y'));
  });

  it('needs only the answers on its path, and names the first missing one', () => {
    expect(assessIhrAnnex2({ disease: 'cholera', answers: { seriousImpact: true, unusualOrUnexpected: true } }).outcome).toBe('notify');
    expect(() => assessIhrAnnex2({ disease: 'cholera', answers: { seriousImpact: true, unusualOrUnexpected: false } })).toThrow(
      expect.objectContaining({ code: 'EVENT_IHR_ANSWER_MISSING', params: { criterion: 'internationalSpread' } }),
    );
  });
});

describe('assessIhrAnnex2: the 24-hour clock', () => {
  it('gives the notification deadline from the assessment time, in UTC', () => {
    expect(assessIhrAnnex2({ disease: 'sars', assessedAt: '2024-03-01T10:00:00+02:00' }).notifyBy).toBe('2024-03-02T08:00:00.000Z');
    expect(assessIhrAnnex2({ disease: 'cholera', answers: answersOf('NNNN'), assessedAt: '2024-03-01T10:00:00Z' }).notifyBy).toBeNull();
  });

  it('lists the four questions with examples', () => {
    expect(IHR_QUESTIONS.map((q) => q.id)).toEqual([...IHR_CRITERIA]);
    for (const q of IHR_QUESTIONS) expect(q.examples.length).toBeGreaterThan(0);
  });
});
