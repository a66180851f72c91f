/**
 * The words describeClause uses, in English and French: names for the
 * pact's closed vocabularies, parties and actors, and numbers, money, dates
 * and lists in the reader's language (Intl only, so this runs in a browser
 * as well as on the node). Products and diseases take their names from the
 * shared catalogue; datasets have their reader-facing names here because
 * the catalogue describes them in English only.
 */
import { findDataset, findDisease, findProduct } from '../catalogue/index.ts';
import { isRole, type Role } from '../roles.ts';
import type { Pact } from './model.ts';
import {
  AFFECTED_PARTY,
  ALL_PARTIES,
  PUBLIC,
  REQUESTING_PARTY,
  type Comparison,
  type PlaceGranularity,
  type Profession,
  type Purpose,
  type ReferralService,
  type TimeGranularity,
  type WaiverScope,
} from './vocabulary.ts';

export type DescribeLocale = 'en' | 'fr';

type Words<K extends string> = Readonly<Record<K, { en: string; fr: string }>>;

const PURPOSE_WORDS: Words<Purpose> = {
  'outbreak-response': { en: 'outbreak response', fr: 'riposte aux épidémies' },
  surveillance: { en: 'surveillance', fr: 'surveillance' },
  research: { en: 'research', fr: 'recherche' },
  treatment: { en: 'treatment', fr: 'soins' },
  'public-reporting': { en: 'public reporting', fr: 'information du public' },
  preparedness: { en: 'preparedness', fr: 'préparation' },
  audit: { en: 'audit', fr: 'audit' },
};

const PLACE_WORDS: Words<PlaceGranularity> = {
  country: { en: 'country totals', fr: 'totaux par pays' },
  admin1: { en: 'first-level areas (provinces, regions)', fr: 'divisions de premier niveau (provinces, régions)' },
  admin2: { en: 'second-level areas (districts)', fr: 'divisions de deuxième niveau (districts)' },
  facility: { en: 'single health facilities', fr: 'formations sanitaires' },
  person: { en: 'records about individual people', fr: 'fiches individuelles de personnes' },
};

const TIME_WORDS: Words<TimeGranularity> = {
  month: { en: 'month', fr: 'mois' },
  week: { en: 'week', fr: 'semaine' },
  day: { en: 'day', fr: 'jour' },
};

const SERVICE_WORDS: Words<ReferralService> = {
  icu: { en: 'intensive care', fr: 'soins intensifs' },
  dialysis: { en: 'dialysis', fr: 'dialyse' },
  oncology: { en: 'cancer care', fr: 'cancérologie' },
  burns: { en: 'burns care', fr: 'soins aux brûlés' },
  neonatal: { en: 'newborn care', fr: 'néonatologie' },
  'cardiac-surgery': { en: 'cardiac surgery', fr: 'chirurgie cardiaque' },
  neurosurgery: { en: 'neurosurgery', fr: 'neurochirurgie' },
  trauma: { en: 'trauma care', fr: 'traumatologie' },
  maternity: { en: 'maternity care', fr: 'maternité' },
  isolation: { en: 'isolation', fr: 'isolement' },
  'mental-health': { en: 'mental health care', fr: 'santé mentale' },
};

const PROFESSION_WORDS: Words<Profession> = {
  doctor: { en: 'doctors', fr: 'médecins' },
  nurse: { en: 'nurses', fr: 'infirmiers' },
  midwife: { en: 'midwives', fr: 'sages-femmes' },
  pharmacist: { en: 'pharmacists', fr: 'pharmaciens' },
  'lab-scientist': { en: 'laboratory scientists', fr: 'biologistes' },
  'clinical-officer': { en: 'clinical officers', fr: 'officiers cliniques' },
  'public-health-officer': { en: 'public health officers', fr: 'agents de santé publique' },
  epidemiologist: { en: 'epidemiologists', fr: 'épidémiologistes' },
  paramedic: { en: 'paramedics', fr: 'ambulanciers' },
  dentist: { en: 'dentists', fr: 'dentistes' },
};

const SCOPE_WORDS: Words<WaiverScope> = {
  licensing: { en: 'licensing rules', fr: 'règles d’autorisation d’exercer' },
  import: { en: 'import rules', fr: 'règles d’importation' },
  ip: { en: 'intellectual-property protections', fr: 'protections de propriété intellectuelle' },
};

const ROLE_WORDS: Words<Role> = {
  'hub-coordinator': { en: 'hub coordinator', fr: 'coordinateur du centre régional' },
  'national-focal-point': { en: 'national focal point', fr: 'point focal national' },
  'facility-staff': { en: 'facility staff', fr: 'personnel d’établissement' },
  'lab-staff': { en: 'laboratory staff', fr: 'personnel de laboratoire' },
  'procurement-officer': { en: 'procurement officer', fr: 'responsable des achats' },
  auditor: { en: 'auditor', fr: 'auditeur' },
  'finance-officer': { en: 'finance officer', fr: 'responsable financier' },
  negotiator: { en: 'negotiator', fr: 'négociateur' },
};

const DATASET_WORDS: Readonly<Record<string, { en: string; fr: string }>> = {
  'case-reports': { en: 'case reports (line lists)', fr: 'déclarations de cas (listes linéaires)' },
  'aggregate-counts': { en: 'aggregate case counts', fr: 'effectifs agrégés de cas' },
  signals: { en: 'detection signals', fr: 'signaux de détection' },
  events: { en: 'verified public health events', fr: 'événements de santé publique vérifiés' },
  'stock-levels': { en: 'stock levels', fr: 'niveaux de stock' },
  'stock-ledger': { en: 'stock ledger entries', fr: 'écritures du registre de stock' },
  'cold-chain-readings': { en: 'cold-chain temperature readings', fr: 'relevés de température de la chaîne du froid' },
  referrals: { en: 'patient referrals', fr: 'transferts de patients' },
  licences: { en: 'health-worker licences', fr: 'autorisations d’exercer des personnels de santé' },
  disbursements: { en: 'funding disbursements', fr: 'décaissements' },
  'capacity-scores': { en: 'capacity scores', fr: 'scores de capacité' },
};

/** A word from a closed list; an unknown value (a newer vocabulary) is shown as written. */
const pick = <K extends string>(table: Words<K>, key: string, locale: DescribeLocale): string =>
  (table as Record<string, { en: string; fr: string }>)[key]?.[locale] ?? key;

export const purposeWord = (purpose: string, locale: DescribeLocale) => pick(PURPOSE_WORDS, purpose, locale);
export const placeWord = (place: string, locale: DescribeLocale) => pick(PLACE_WORDS, place, locale);
export const timeWord = (time: string, locale: DescribeLocale) => pick(TIME_WORDS, time, locale);
export const serviceWord = (service: string, locale: DescribeLocale) => pick(SERVICE_WORDS, service, locale);
export const professionWord = (profession: string, locale: DescribeLocale) => pick(PROFESSION_WORDS, profession, locale);
export const scopeWord = (scope: string, locale: DescribeLocale) => pick(SCOPE_WORDS, scope, locale);
export const roleWord = (role: string, locale: DescribeLocale) => pick(ROLE_WORDS, role, locale);

export const datasetWord = (id: string, locale: DescribeLocale): string =>
  DATASET_WORDS[id]?.[locale] ?? findDataset(id)?.description ?? id;

export const productWord = (id: string, locale: DescribeLocale): string => findProduct(id)?.name[locale] ?? id;

// English disease names that begin with a proper noun keep their capital.
const PROPER_NOUN = /^(Ebola|Marburg|Lassa|West Nile|Rift Valley|Crimean|Zika|Nipah)/;

/** A disease name for the middle of a sentence: "cholera", "Ebola virus disease", "COVID-19". */
export const diseaseWord = (code: string, locale: DescribeLocale): string => {
  const name = findDisease(code)?.name[locale];
  if (!name) return code;
  const acronym = name.length > 1 && name[1] === name[1]!.toUpperCase() && /[A-Z]/.test(name[1]!);
  if (acronym || (locale === 'en' && PROPER_NOUN.test(name))) return name;
  return name[0]!.toLowerCase() + name.slice(1);
};

const intlLocale = (locale: DescribeLocale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

export const listOf = (items: readonly string[], locale: DescribeLocale, type: 'conjunction' | 'disjunction' = 'conjunction'): string =>
  new Intl.ListFormat(intlLocale(locale), { style: 'long', type }).format(items);

export const numberText = (value: number, locale: DescribeLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(value);

export const moneyText = (amount: number, currency: string, locale: DescribeLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);

export const percentText = (share: number, locale: DescribeLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** A calendar date (YYYY-MM-DD, UTC) in words: "31 December 2032", "31 décembre 2032". */
export const dateText = (date: string, locale: DescribeLocale): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "90 days", or "5 years (1,825 days)" when it is a whole number of years. */
export const daysText = (days: number, locale: DescribeLocale): string => {
  const unit = (n: number, en: [string, string], fr: [string, string]) => {
    const [one, many] = locale === 'fr' ? fr : en;
    return `${numberText(n, locale)} ${n === 1 ? one : many}`;
  };
  const plain = unit(days, ['day', 'days'], ['jour', 'jours']);
  return days >= 365 && days % 365 === 0 ? `${unit(days / 365, ['year', 'years'], ['an', 'ans'])} (${plain})` : plain;
};

export const hoursText = (hours: number, locale: DescribeLocale): string =>
  `${numberText(hours, locale)} ${locale === 'fr' ? (hours === 1 ? 'heure' : 'heures') : hours === 1 ? 'hour' : 'hours'}`;

const COMPARISON_WORDS: Readonly<Record<Comparison, { en: string; fr: string }>> = {
  '>=': { en: '{x} or more', fr: '{x} ou plus' },
  '>': { en: 'more than {x}', fr: 'plus de {x}' },
  '<=': { en: '{x} or less', fr: '{x} ou moins' },
  '<': { en: 'less than {x}', fr: 'moins de {x}' },
  '==': { en: 'exactly {x}', fr: 'exactement {x}' },
};

/** "5 or more", "moins de 3". */
export const comparisonText = (comparison: Comparison, value: number, locale: DescribeLocale): string =>
  COMPARISON_WORDS[comparison][locale].replace('{x}', numberText(value, locale));

/** French "de" before a noun phrase: "du centre", "des parties", "d’Ouganda", "de la partie". */
export const frenchOf = (text: string): string => {
  if (text.startsWith('le ')) return `du ${text.slice(3)}`;
  if (text.startsWith('les ')) return `des ${text.slice(4)}`;
  if (/^[aeéèêiouh]/i.test(text)) return `d’${text}`;
  return `de ${text}`;
};

export const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/** `code` as the reader knows it: every partner state, the public, the hub, or the party's name in the pact. */
export const partyText = (pact: Pact, ref: string, locale: DescribeLocale): string => {
  if (ref === ALL_PARTIES) return locale === 'fr' ? 'chaque État partenaire' : 'every partner state';
  if (ref === PUBLIC) return locale === 'fr' ? 'le public' : 'the public';
  if (ref === pact.hub.code) return locale === 'fr' ? `le centre régional (${ref})` : `the hub (${ref})`;
  return pact.parties.find((party) => party.code === ref)?.name ?? ref;
};

export const partiesText = (pact: Pact, refs: readonly string[], locale: DescribeLocale): string =>
  listOf(refs.map((ref) => partyText(pact, ref, locale)), locale);

/** True when the references read as one subject ("every partner state", "Kenya") for verb agreement. */
export const isSingular = (refs: readonly string[]): boolean => refs.length === 1;

const withArticle = (noun: string, locale: DescribeLocale): string => {
  if (locale === 'en') return `the ${noun}`;
  return /^[aeéèêiouh]/i.test(noun) ? `l’${noun}` : `le ${noun}`;
};

/**
 * An actor reference in words: "the national focal point of the affected
 * party", "the hub coordinator at EAC", "le point focal national (Kenya)".
 * A bare role is that role at the hub (docs/pact.md, "Who a clause names").
 */
export const actorText = (pact: Pact, ref: string, locale: DescribeLocale): string => {
  const [first = '', second] = ref.split('/');
  // A bare role is that role at the hub.
  const [who, role] = second === undefined && isRole(first) ? [pact.hub.code, first] : [first, second];
  const relative =
    who === AFFECTED_PARTY
      ? { en: 'the affected party', fr: 'la partie touchée' }
      : who === REQUESTING_PARTY
        ? { en: 'the requesting party', fr: 'la partie qui demande' }
        : who === ALL_PARTIES
          ? { en: 'every partner state', fr: 'chaque État partenaire' }
          : undefined;
  if (role === undefined) return relative ? relative[locale] : partyText(pact, who, locale);
  const holder = withArticle(roleWord(role, locale), locale);
  if (relative) return locale === 'fr' ? `${holder} de ${relative.fr}` : `${holder} of ${relative.en}`;
  if (who === pact.hub.code) return locale === 'fr' ? `${holder} (${who})` : `${holder} at ${who}`;
  const name = partyText(pact, who, locale);
  return locale === 'fr' ? `${holder} (${name})` : `${holder} of ${name}`;
};

export const actorsText = (pact: Pact, refs: string | readonly string[], locale: DescribeLocale): string =>
  listOf((typeof refs === 'string' ? [refs] : refs).map((ref) => actorText(pact, ref, locale)), locale);

/** Identifiers shown as code in plain-words text (the dashboard renders backticks as code). */
export const codeText = (value: string): string => `\`${value}\``;
