/**
 * What a clause promises, in plain words, in English or French: who shares
 * what with whom and why, how fine, what is hidden or removed, how long it
 * is kept; reserves and who decides a release within how many hours; when
 * money is paid and how much; who may be referred for what; who may
 * practise where; what an emergency lets a party waive; who leads, decides
 * and is told at each alert level; and what each milestone asks by when.
 *
 * Conditions are shown as their CEL text, with a gloss when they are one of
 * the simple forms (describe-condition.ts). Identifiers are wrapped in
 * backticks, as in describeDiff, so a reader can tell them from words.
 * Pure and free of Node-only imports: the dashboard could run it too.
 */
import type {
  Clause,
  DataSharingClause,
  EmergencyWaiverClause,
  EscalationClause,
  FundingTriggerClause,
  LicensureRecognitionClause,
  MilestoneClause,
  ReferralCorridorClause,
  StockpileSharingClause,
} from './clauses.ts';
import { glossCondition, glossIndicator, type Subjects } from './describe-condition.ts';
import {
  actorsText,
  capitalise,
  codeText,
  comparisonText,
  datasetWord,
  dateText,
  daysText,
  diseaseWord,
  frenchOf,
  hoursText,
  isSingular,
  listOf,
  moneyText,
  partiesText,
  partyText,
  percentText,
  placeWord,
  productWord,
  professionWord,
  purposeWord,
  roleWord,
  scopeWord,
  serviceWord,
  timeWord,
  type DescribeLocale,
} from './describe-words.ts';
import type { Pact } from './model.ts';
import { ALL_PARTIES } from './vocabulary.ts';

export type { DescribeLocale } from './describe-words.ts';

export interface ClauseDescription {
  title: string;
  sentences: string[];
}

type L = DescribeLocale;
const say = (locale: L, en: string, fr: string) => (locale === 'fr' ? fr : en);

/** "It applies only while … (condition `…`)." or the CEL text alone when it has no gloss. */
const conditionSentence = (pact: Pact, cel: string, subjects: Subjects, locale: L, lead?: { en: string; fr: string }): string => {
  const gloss = glossCondition(pact, cel, subjects, locale);
  const opening = lead ? lead[locale] : say(locale, 'It applies only while', 'Elle ne s’applique que tant que');
  if (gloss) return `${opening} ${gloss} (condition ${codeText(cel)}).`;
  return `${opening} ${say(locale, 'this condition holds:', 'cette condition est vraie :')} ${codeText(cel)}.`;
};

const bindsSentence = (pact: Pact, clause: Clause, locale: L): string[] =>
  clause.parties ? [say(locale, `It binds ${partiesText(pact, clause.parties, locale)}.`, `Parties liées : ${partiesText(pact, clause.parties, locale)}.`)] : [];

const dataSharing = (pact: Pact, clause: DataSharingClause, locale: L): string[] => {
  const from = partiesText(pact, clause.from, locale);
  const to = partiesText(pact, clause.to, locale);
  const dataset = datasetWord(clause.dataset, locale);
  const purposes = listOf(clause.purposes.map((p) => purposeWord(p, locale)), locale);
  const personLevel = clause.granularity.place === 'person';
  const sentences = [
    say(
      locale,
      `${capitalise(from)} ${isSingular(clause.from) ? 'shares' : 'share'} ${dataset} with ${to}, for ${purposes}.`,
      `${capitalise(dataset)} : partage par ${from} avec ${to}, pour : ${purposes}.`,
    ),
  ];
  if (clause.roles) {
    const roles = listOf(clause.roles.map((r) => roleWord(r, locale)), locale, 'disjunction');
    sentences.push(say(locale, `Only a ${roles} may ask for it.`, `Seul un ${roles} peut en faire la demande.`));
  }
  const place = placeWord(clause.granularity.place, locale);
  const time = timeWord(clause.granularity.time, locale);
  sentences.push(say(locale, `Finest detail allowed: ${place}, by ${time}.`, `Niveau de détail le plus fin : ${place}, par ${time}.`));
  if (clause.minCellSize !== undefined && clause.minCellSize > 1 && !personLevel) {
    const k = clause.minCellSize;
    sentences.push(
      say(
        locale,
        `Counts below ${k} are hidden (small-cell suppression), so that no one can be recognised.`,
        `Les effectifs inférieurs à ${k} sont masqués (suppression des petites cellules), pour que personne ne puisse être reconnu.`,
      ),
    );
  }
  if (clause.fields) {
    const fields = listOf(clause.fields.map(codeText), locale);
    sentences.push(say(locale, `Only these fields are shared: ${fields}.`, `Seuls ces champs sont partagés : ${fields}.`));
  }
  if (clause.dropFields) {
    const fields = listOf(clause.dropFields.map(codeText), locale);
    sentences.push(say(locale, `These fields are removed before anything is sent: ${fields}.`, `Ces champs sont retirés avant tout envoi : ${fields}.`));
  }
  const kept = daysText(clause.retentionDays, locale);
  sentences.push(say(locale, `Recipients delete the data after ${kept}.`, `Les destinataires suppriment les données au bout de ${kept}.`));
  if (clause.consentRequired) {
    sentences.push(say(locale, 'Each record needs the consent of the person it is about.', 'Chaque fiche exige le consentement de la personne concernée.'));
  }
  if (clause.condition) {
    const subjects: Subjects = {
      party: { en: 'the sending party', fr: 'la partie qui partage' },
      'request.from': { en: 'the sending party', fr: 'la partie qui partage' },
      'request.to': { en: 'the receiving party', fr: 'la partie destinataire' },
    };
    sentences.push(conditionSentence(pact, clause.condition, subjects, locale));
  }
  if (clause.reporting) {
    const { frequency, deadlineDays } = clause.reporting;
    const period = frequency === 'weekly' ? say(locale, 'week', 'semaine') : say(locale, 'month', 'mois');
    const every = frequency === 'weekly' ? say(locale, 'every week', 'chaque semaine') : say(locale, 'every month', 'chaque mois');
    const due =
      deadlineDays === 0
        ? say(locale, `by the end of the ${period}`, `au plus tard à la fin ${frequency === 'weekly' ? 'de la' : 'du'} ${period}`)
        : say(
            locale,
            `at the latest ${daysText(deadlineDays, locale)} after the ${period} ends`,
            `au plus tard ${daysText(deadlineDays, locale)} après la fin ${frequency === 'weekly' ? 'de la' : 'du'} ${period}`,
          );
    sentences.push(say(locale, `Each sharing party must send it ${every}, ${due}.`, `Chaque partie qui partage doit l’envoyer ${every}, ${due}.`));
  }
  return [...sentences, ...bindsSentence(pact, clause, locale)];
};

const stockpile = (pact: Pact, clause: StockpileSharingClause, locale: L): string[] => {
  const products = listOf(clause.products.map((p) => productWord(p, locale)), locale);
  const reserve =
    typeof clause.reserveShare === 'number'
      ? say(
          locale,
          `Each party keeps ${percentText(clause.reserveShare, locale)} of its national stock of ${products} in reserve.`,
          `Chaque partie garde en réserve ${percentText(clause.reserveShare, locale)} de son stock national de : ${products}.`,
        )
      : say(
          locale,
          `Reserves kept, as a share of national stock of ${products}: ${reserveList(pact, clause.reserveShare, locale)}.`,
          `Réserves à garder, en part du stock national de : ${products} : ${reserveList(pact, clause.reserveShare, locale)}.`,
        );
  const hours = hoursText(clause.decisionDeadlineHours, locale);
  const deciders = actorsText(pact, clause.decidedBy, locale);
  const repay = daysText(clause.repayment.withinDays, locale);
  return [
    reserve,
    conditionSentence(pact, clause.releaseCondition, { party: { en: 'the asking party', fr: 'la partie qui demande' } }, locale, {
      en: 'A party may ask another to release stock from its reserve while',
      fr: 'Une partie peut demander à une autre de libérer du stock de sa réserve tant que',
    }),
    say(locale, `Each request is decided by ${deciders} within ${hours}.`, `Chaque demande est tranchée par ${deciders} dans les ${hours}.`),
    clause.repayment.inKind
      ? say(locale, `Released stock is paid back in kind within ${repay}.`, `Le stock libéré est rendu en nature dans un délai de ${repay}.`)
      : say(locale, `Released stock is paid back, in kind or in money, within ${repay}.`, `Le stock libéré est remboursé, en nature ou en argent, dans un délai de ${repay}.`),
    ...bindsSentence(pact, clause, locale),
  ];
};

const reserveList = (pact: Pact, shares: Record<string, number>, locale: L) =>
  listOf(Object.entries(shares).map(([code, share]) => `${partyText(pact, code, locale)} ${percentText(share, locale)}`), locale);

const funding = (pact: Pact, clause: FundingTriggerClause, locale: L): string[] => {
  const recipient = { en: 'the recipient', fr: 'la partie bénéficiaire' };
  const amount = clause.amount ?? (clause.share ?? 0) * clause.envelope.amount;
  const money = moneyText(amount, clause.envelope.currency, locale);
  const paid = clause.share !== undefined ? `${money} (${percentText(clause.share, locale)})` : money;
  const envelope = `${codeText(clause.envelope.id)} (${moneyText(clause.envelope.amount, clause.envelope.currency, locale)})`;
  const tests: string[] = [];
  if (clause.indicator !== undefined && clause.threshold !== undefined) {
    const indicator = glossIndicator(clause.indicator, recipient, locale) ?? codeText(clause.indicator);
    tests.push(`${indicator} ${say(locale, 'is', 'vaut')} ${comparisonText(clause.comparison ?? '>=', clause.threshold, locale)}`);
  }
  const sentences = [
    tests.length > 0
      ? say(locale, `When ${tests[0]}, the envelope ${envelope} pays ${paid} to that recipient.`, `Quand ${tests[0]}, l’enveloppe ${envelope} verse ${paid} à cette partie.`)
      : say(locale, `The envelope ${envelope} pays ${paid} to each recipient for whom the condition below holds.`, `L’enveloppe ${envelope} verse ${paid} à chaque partie bénéficiaire pour laquelle la condition ci-dessous est vraie.`),
  ];
  if (clause.condition) {
    sentences.push(
      conditionSentence(pact, clause.condition, { party: recipient }, locale, {
        en: tests.length > 0 ? 'It pays only while, in addition,' : 'It pays only while',
        fr: tests.length > 0 ? 'Elle ne verse que si, en plus,' : 'Elle ne verse que si',
      }),
    );
  }
  sentences.push(
    say(locale, `Recipients: ${partiesText(pact, clause.recipients, locale)}.`, `Bénéficiaires : ${partiesText(pact, clause.recipients, locale)}.`),
    say(
      locale,
      `The money is paid within ${daysText(clause.disbursementDeadlineDays, locale)} of the trigger firing.`,
      `Le versement a lieu dans les ${daysText(clause.disbursementDeadlineDays, locale)} qui suivent le déclenchement.`,
    ),
  );
  return [...sentences, ...bindsSentence(pact, clause, locale)];
};

const corridor = (pact: Pact, clause: ReferralCorridorClause, locale: L): string[] => {
  const parties = partiesText(pact, clause.parties ?? [ALL_PARTIES], locale);
  const services = listOf(clause.services.map((s) => serviceWord(s, locale)), locale);
  const { tariff } = clause;
  const prices = [
    ...(tariff.perDay !== undefined ? [say(locale, `${moneyText(tariff.perDay, tariff.currency, locale)} per day`, `${moneyText(tariff.perDay, tariff.currency, locale)} par jour`)] : []),
    ...(tariff.perCase !== undefined ? [say(locale, `${moneyText(tariff.perCase, tariff.currency, locale)} per case`, `${moneyText(tariff.perCase, tariff.currency, locale)} par cas`)] : []),
  ];
  const via = partyText(pact, clause.settlement.via, locale);
  const every = daysText(clause.settlement.periodDays, locale);
  const sentences = [
    say(locale, `Patients may be referred between ${parties} for ${services}.`, `Des patients peuvent être transférés entre ${parties}, pour : ${services}.`),
    clause.priorAuthorisation
      ? say(locale, 'The receiving party authorises each referral before the transfer.', 'La partie d’accueil autorise chaque transfert avant qu’il ait lieu.')
      : say(locale, 'No prior authorisation is needed.', 'Aucune autorisation préalable n’est nécessaire.'),
    clause.emergencyOverride
      ? say(locale, 'In an emergency the patient may be transferred first and authorised afterwards.', 'En urgence, le patient peut être transféré d’abord et l’autorisation suivre.')
      : say(locale, 'Even in an emergency, the rules above apply before the transfer.', 'Même en urgence, ces règles s’appliquent avant le transfert.'),
    say(locale, `The referring party pays ${listOf(prices, locale)}.`, `La partie qui transfère paie ${listOf(prices, locale)}.`),
    say(locale, `Accounts are settled every ${every} through ${via}.`, `Les comptes sont réglés tous les ${every} par l’intermédiaire ${frenchOf(via)}.`),
  ];
  if (clause.condition) sentences.push(conditionSentence(pact, clause.condition, { party: { en: 'the party', fr: 'la partie' } }, locale));
  return sentences;
};

const recognition = (pact: Pact, clause: LicensureRecognitionClause, locale: L): string[] => {
  const who = listOf(clause.professions.map((p) => professionWord(p, locale)), locale);
  const where = clause.parties ? partiesText(pact, clause.parties, locale) : undefined;
  const licensed = where
    ? say(locale, `licensed in one of ${where}`, `autorisés à exercer dans l’une des parties suivantes (${where})`)
    : say(locale, 'licensed in one partner state', 'autorisés à exercer dans un État partenaire');
  const sentences = [
    clause.mode === 'automatic'
      ? say(locale, `${capitalise(who)} ${licensed} may practise in the others with no further conditions.`, `Les ${who} ${licensed} peuvent exercer dans les autres sans autre condition.`)
      : say(
          locale,
          `${capitalise(who)} ${licensed} may practise in another once they meet these conditions: ${(clause.conditions ?? []).join('; ')}.`,
          `Les ${who} ${licensed} peuvent exercer dans une autre partie une fois remplies ces conditions : ${(clause.conditions ?? []).join(' ; ')}.`,
        ),
  ];
  const temporary = clause.emergencyTemporaryLicence;
  if (temporary) {
    sentences.push(
      conditionSentence(pact, temporary.condition, { party: { en: 'the host party', fr: 'la partie d’accueil' } }, locale, {
        en: `In an emergency the host party may grant a temporary licence of up to ${daysText(temporary.maxDays, locale)}, while`,
        fr: `En situation d’urgence, la partie d’accueil peut accorder une autorisation temporaire de ${daysText(temporary.maxDays, locale)} au plus, tant que`,
      }),
    );
  }
  return sentences;
};

const waiver = (pact: Pact, clause: EmergencyWaiverClause, locale: L): string[] => {
  const scope = scopeWord(clause.scope, locale);
  const products = clause.products
    ? listOf(clause.products.map((p) => productWord(p, locale)), locale)
    : say(locale, 'every product', 'tous les produits');
  const days = daysText(clause.maxDurationDays, locale);
  return [
    conditionSentence(pact, clause.activation, { party: { en: 'the party', fr: 'la partie' } }, locale, {
      en: `A party may waive its ${scope} for ${products}, while`,
      fr: `Une partie peut suspendre ses ${scope} pour : ${products}, tant que`,
    }),
    say(locale, `The waiver lapses after ${days} at most.`, `La dérogation prend fin au bout de ${days} au plus.`),
    ...bindsSentence(pact, clause, locale),
  ];
};

const escalation = (pact: Pact, clause: EscalationClause, locale: L): string[] => {
  const diseases = clause.diseases ? listOf(clause.diseases.map((d) => diseaseWord(d, locale)), locale) : undefined;
  const opening = diseases
    ? say(locale, `The playbook for ${diseases}, level by level:`, `Le plan d’escalade pour : ${diseases}, niveau par niveau :`)
    : say(locale, 'The playbook for every disease, level by level:', 'Le plan d’escalade pour toutes les maladies, niveau par niveau :');
  const levels = [...clause.levels]
    .sort((a, b) => a.level - b.level)
    .map((step) => {
      const hours = hoursText(step.deadlineHours, locale);
      const lead = actorsText(pact, step.lead, locale);
      const decides = actorsText(pact, step.decides, locale);
      const notify = actorsText(pact, step.notify, locale);
      return say(
        locale,
        `Level ${step.level} (${step.name}): ${lead} leads; ${decides} decides within ${hours}; ${notify} must be told within ${hours}.`,
        `Niveau ${step.level} (${step.name}) : dirige : ${lead} ; décide dans les ${hours} : ${decides} ; à informer dans les ${hours} : ${notify}.`,
      );
    });
  return [opening, ...levels, ...bindsSentence(pact, clause, locale)];
};

const milestone = (pact: Pact, clause: MilestoneClause, locale: L): string[] => {
  const owner =
    clause.party === undefined
      ? { en: 'the region', fr: 'la région' }
      : clause.party === ALL_PARTIES
        ? { en: 'each partner state', fr: 'chaque État partenaire' }
        : { en: partyText(pact, clause.party, 'en'), fr: `la partie ${partyText(pact, clause.party, 'fr')}` };
  const indicator = glossIndicator(clause.indicator, owner, locale) ?? codeText(clause.indicator);
  const target = comparisonText(clause.comparison ?? '>=', clause.target, locale);
  const due = dateText(clause.due, locale);
  const whose =
    clause.party === undefined
      ? say(locale, 'The region as a whole owes it.', 'Elle est due par la région dans son ensemble.')
      : clause.party === ALL_PARTIES
        ? say(locale, 'Each partner state owes it on its own.', 'Chaque État partenaire la doit pour lui-même.')
        : say(locale, `${owner.en} owes it.`, `Elle est due par ${owner.fr}.`);
  return [say(locale, `By ${due}, ${indicator} must be ${target}.`, `D’ici au ${due}, ${indicator} doit valoir ${target}.`), whose];
};

/** What the clause promises, in plain words; `title` is the clause's own title, as the parties wrote it. */
export const describeClause = (clause: Clause, pact: Pact, locale: DescribeLocale): ClauseDescription => {
  const sentences = (() => {
    switch (clause.kind) {
      case 'data-sharing':
        return dataSharing(pact, clause, locale);
      case 'stockpile-sharing':
        return stockpile(pact, clause, locale);
      case 'funding-trigger':
        return funding(pact, clause, locale);
      case 'referral-corridor':
        return corridor(pact, clause, locale);
      case 'licensure-recognition':
        return recognition(pact, clause, locale);
      case 'emergency-waiver':
        return waiver(pact, clause, locale);
      case 'escalation':
        return escalation(pact, clause, locale);
      case 'milestone':
        return milestone(pact, clause, locale);
    }
  })();
  return { title: clause.title, sentences };
};
