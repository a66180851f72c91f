/**
 * SYNTHETIC event stories for the demo: one public health event per scripted
 * outbreak of the surveillance history, with 7-1-7 milestone dates, the
 * seven early response actions, bottlenecks and enablers, a WHO rapid risk
 * assessment and IHR Annex 2 answers. Invented but shaped like the 7-1-7
 * reviews published for the region (delays in reporting from remote
 * facilities, laboratory confirmation and funds release are the usual
 * bottlenecks; community event-based surveillance and pre-positioned
 * supplies the usual enablers). Pure and deterministic.
 */
import { addDays, EARLY_RESPONSE_ACTIONS, type Consequences, type IhrAnswers, type Likelihood, type Random, type ResponseActionRecord, type TimelinessFactor } from '@concord/core';
import type { Outbreak } from './surveillance-history.ts';

/** Areas on a border or a busy crossing: spread abroad is plausible there (IHR Annex 2, question III). */
const BORDER_AREAS = new Set(['BI-CI', 'BI-BM', 'CD-NK', 'CD-SK', 'KE-24', 'KE-28', 'RW-04', 'SO-BY', 'SS-NU', 'TZ-08', 'TZ-18', 'UG-E', 'UG-N']);

const BOTTLENECKS: Record<TimelinessFactor['interval'], Omit<TimelinessFactor, 'interval'>[]> = {
  detection: [
    { category: 'technical', description: 'Weekly reports from remote health centres arrived on paper a week late', rootCause: 'No electronic reporting at a third of the district’s facilities' },
    { category: 'operational', description: 'Cases treated at private clinics were not reported', rootCause: 'Private providers are not enrolled in routine surveillance' },
    { category: 'operational', description: 'The first cluster was seen but not recognised as unusual', rootCause: 'Facility staff not trained on the case definition' },
  ],
  notification: [
    { category: 'operational', description: 'The district surveillance officer was on leave with no deputy', rootCause: 'No on-call rota for district surveillance' },
    { category: 'political', description: 'The report waited for the regional director’s approval', rootCause: 'Notification requires a sign-off above the focal point' },
  ],
  response: [
    { category: 'technical', description: 'Laboratory confirmation took over a week: samples went to the capital', rootCause: 'No culture or PCR capacity at the regional laboratory' },
    { category: 'operational', description: 'The rapid response team waited for allowances to be approved', rootCause: 'No pre-approved emergency funds at district level' },
    { category: 'operational', description: 'Rehydration supplies ran out at the treatment centre', rootCause: 'Emergency stock not pre-positioned before the rainy season' },
    { category: 'political', description: 'Community meetings were postponed around the elections', rootCause: 'Public gatherings restricted by the authorities' },
  ],
};

const ENABLERS: Record<TimelinessFactor['interval'], Omit<TimelinessFactor, 'interval'>[]> = {
  detection: [{ category: 'operational', description: 'Community health workers reported the cluster through event-based surveillance', rootCause: 'Community event-based surveillance rolled out the year before' }],
  notification: [{ category: 'technical', description: 'The alert went from the facility to the national focal point by SMS the same day', rootCause: 'Mobile alert line in place' }],
  response: [
    { category: 'operational', description: 'Treatment supplies were already in the regional store', rootCause: 'Kits pre-positioned under the regional stockpile clause' },
    { category: 'operational', description: 'The emergency operations centre was activated within a day', rootCause: 'Trained incident managers on a roster' },
  ],
};

export interface EventStory {
  outbreak: Outbreak;
  emergenceDate: string;
  detectionDate: string;
  notificationDate: string;
  responseActions: ResponseActionRecord[];
  bottlenecks: TimelinessFactor[];
  enablers: TimelinessFactor[];
  likelihood: Likelihood;
  consequences: Consequences;
  ihr: { answers: IhrAnswers; potentialInternationalConcern: boolean };
  cases: number;
  deaths: number;
  /** When the outbreak was over and the event closed; null while it runs. */
  closedOn: string | null;
}

const riskOf = (o: Outbreak): { likelihood: Likelihood; consequences: Consequences } =>
  o.peak >= 400 ? { likelihood: 'highly-likely', consequences: 'severe' } : o.peak >= 100 ? { likelihood: 'likely', consequences: 'major' } : o.peak >= 25 ? { likelihood: 'likely', consequences: 'moderate' } : { likelihood: 'unlikely', consequences: 'minor' };

const ihrOf = (o: Outbreak): EventStory['ihr'] => {
  const border = BORDER_AREAS.has(o.area);
  // Mpox clade Ib from 2024 was a public health emergency of international concern (WHO, August 2024).
  const concern = o.disease === 'mpox' && o.start >= '2024-01-01';
  return {
    answers: { seriousImpact: o.peak >= 100, unusualOrUnexpected: concern, internationalSpread: border, travelOrTradeRestrictions: o.peak >= 400 },
    potentialInternationalConcern: concern,
  };
};

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)]!;

/**
 * The event of one outbreak. `signal`: the first alarm detection raised in
 * its window, when there was one (emergence is then the week that crossed
 * the threshold, detection the day the signal was raised). `today` cuts
 * what has not happened yet: an action due after today is still open.
 */
export const eventStory = (o: Outbreak, signal: { weekStart: string; raisedOn: string } | null, today: string, random: Random): EventStory => {
  // Nothing happens after today: a recent outbreak may not be detected or notified late yet.
  const until = (date: string) => (date > today ? today : date);
  const emergenceDate = until(signal?.weekStart ?? addDays(o.start, 7 * Math.round(o.rise / 3)));
  const detectionDate = until(signal?.raisedOn ?? addDays(emergenceDate, pick(random, [2, 3, 4, 5, 6, 8, 12])));
  const notificationDate = until(addDays(detectionDate, pick(random, [0, 0, 0, 1, 1, 2, 4])));
  const responseActions = EARLY_RESPONSE_ACTIONS.map(({ id }): ResponseActionRecord => {
    const applicable = !(id === 'lab-confirmation' && o.disease === 'measles' && random.next() < 0.3);
    // Recent outbreaks are still being answered: some of their actions end after today, so they stay open.
    const completedOn = addDays(notificationDate, random.int(1, o.recent ? 16 : id === 'lab-confirmation' ? 11 : 7));
    return applicable ? { action: id, applicable, ...(completedOn <= today ? { completedOn } : {}) } : { action: id, applicable };
  });
  const done = responseActions.filter((a) => a.applicable).map((a) => a.completedOn);
  const completion = done.every((d) => d !== undefined) ? (done as string[]).sort().at(-1)! : null;
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const missed = {
    detection: days(emergenceDate, detectionDate) > 7,
    notification: days(detectionDate, notificationDate) > 1,
    response: completion !== null && days(notificationDate, completion) > 7,
  };
  const factors = (table: typeof BOTTLENECKS, wanted: (i: keyof typeof missed) => boolean) =>
    (Object.keys(missed) as (keyof typeof missed)[]).filter(wanted).map((interval) => ({ interval, ...pick(random, table[interval]) }));
  const end = addDays(o.start, 7 * o.weeks + 28);
  const totalCases = Math.round(o.peak * o.weeks * 0.45);
  return {
    outbreak: o,
    emergenceDate,
    detectionDate,
    notificationDate,
    responseActions,
    bottlenecks: factors(BOTTLENECKS, (i) => missed[i]),
    enablers: factors(ENABLERS, (i) => !missed[i] && random.next() < 0.4),
    ...riskOf(o),
    ihr: ihrOf(o),
    cases: totalCases,
    deaths: Math.round(totalCases * (o.disease === 'measles' ? 0.02 : o.disease === 'meningococcal' ? 0.08 : 0.012)),
    closedOn: o.recent || end > today ? null : end,
  };
};

/** Recent outbreaks get the alert level their situation calls for rather than the size rule. */
export const RECENT_RISK: Record<string, { likelihood: Likelihood; consequences: Consequences }> = {
  'UG-E/cholera': { likelihood: 'likely', consequences: 'major' },
  'SS-NU/cholera': { likelihood: 'highly-likely', consequences: 'severe' },
  'KE-28/measles': { likelihood: 'likely', consequences: 'minor' },
  'CD-SK/mpox': { likelihood: 'likely', consequences: 'major' },
  'TZ-08/cholera': { likelihood: 'unlikely', consequences: 'minor' },
};
