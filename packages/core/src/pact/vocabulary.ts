/**
 * The closed word lists of the pact format. They are the values a negotiator
 * may write, so each list is short, spelled the way health ministries say it,
 * and extended only by amending this file (and the JSON Schema with it).
 */

/** Why data may be shared; a data-sharing clause names one or more. */
export const PURPOSES = [
  'outbreak-response',
  'surveillance',
  'research',
  'treatment',
  'public-reporting',
  'preparedness',
  'audit',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Spatial granularity, finest last: `person` means identifiable records. */
export const PLACE_GRANULARITIES = ['country', 'admin1', 'admin2', 'facility', 'person'] as const;
export type PlaceGranularity = (typeof PLACE_GRANULARITIES)[number];

/** Temporal granularity, finest last. */
export const TIME_GRANULARITIES = ['month', 'week', 'day'] as const;
export type TimeGranularity = (typeof TIME_GRANULARITIES)[number];

export const REPORTING_FREQUENCIES = ['weekly', 'monthly'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** Specialised services a referral corridor can open. */
export const REFERRAL_SERVICES = [
  'icu',
  'dialysis',
  'oncology',
  'burns',
  'neonatal',
  'cardiac-surgery',
  'neurosurgery',
  'trauma',
  'maternity',
  'isolation',
  'mental-health',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/** Regulated health professions a licensure clause can recognise. */
export const PROFESSIONS = [
  'doctor',
  'nurse',
  'midwife',
  'pharmacist',
  'lab-scientist',
  'clinical-officer',
  'public-health-officer',
  'epidemiologist',
  'paramedic',
  'dentist',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const RECOGNITION_MODES = ['automatic', 'conditional'] as const;
export type RecognitionMode = (typeof RECOGNITION_MODES)[number];

/** What an emergency waiver suspends: licensing rules, import rules, or intellectual property. */
export const WAIVER_SCOPES = ['licensing', 'import', 'ip'] as const;
export type WaiverScope = (typeof WAIVER_SCOPES)[number];

export const COMPARISONS = ['>=', '>', '<=', '<', '=='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Alert levels run from 0 (no alert) to 4 (regional emergency). */
export const MAX_ALERT_LEVEL = 4;

/**
 * Party references that are not a code. `all-parties` stands for every party
 * of the pact (so a party that accedes by amendment is covered); `public`
 * is the open public, allowed only as a recipient of data.
 */
export const ALL_PARTIES = 'all-parties';
export const PUBLIC = 'public';

/**
 * Relative actors, resolved at decision time: the party whose alert level or
 * request the decision is about, and the party that asked.
 */
export const AFFECTED_PARTY = 'affected-party';
export const REQUESTING_PARTY = 'requesting-party';

export const compare = (value: number, comparison: Comparison, target: number): boolean => {
  switch (comparison) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '==':
      return value === target;
  }
};

/** Index in the finest-last list; a larger index is finer. */
export const placeRank = (place: PlaceGranularity): number => PLACE_GRANULARITIES.indexOf(place);
export const timeRank = (time: TimeGranularity): number => TIME_GRANULARITIES.indexOf(time);
