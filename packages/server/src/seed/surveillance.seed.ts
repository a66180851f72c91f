import { addDays, epiWeek, seededRandom, type AggregateCount } from '@concord/core';
import { systemActor } from '../actor.ts';
import { createAuditLog } from '../modules/audit/audit.service.ts';
import { regionRepo } from '../modules/region/index.ts';
import { signalsRepo, surveillanceWriters } from '../modules/surveillance/index.ts';
import { syntheticCases } from './case-list-history.ts';
import type { SeedStep } from './runner.ts';
import { DEMO_AREAS, HISTORY_START, LINE_LIST_DISEASES, lineListStart, weeklyHistory } from './surveillance-history.ts';

/**
 * Detection runs over at most the last two years of the demo history, and
 * only where the improved Farrington has its five years of history behind
 * it: EARS over seasonal series would bury the scripted outbreaks in alarms.
 */
const DETECTION_WEEKS = 104;
const FARRINGTON_FROM = addDays(HISTORY_START, 7 * 265);

const isLineListDisease = (disease: string) => (LINE_LIST_DISEASES as readonly string[]).includes(disease);

/**
 * The demo's SYNTHETIC surveillance history (see surveillance-history.ts):
 * weekly counts reported since 2020-W01 (malaria up to the last complete
 * week; cholera, measles, mpox and meningococcal disease up to eight weeks
 * ago), a line list of invented people for the last eight weeks (personal
 * fields encrypted like any other), then one detection run over the last
 * two years, whose alarms become signals; those older than the line list
 * are marked as already reviewed. Every row is flagged synthetic.
 */
export const surveillanceSeed: SeedStep = {
  name: 'surveillance-history',
  version: 1,
  description: 'synthetic weekly counts since 2020, an eight-week line list, and the signals detection raises on them',
  async run(tx, context) {
    const now = context.clock.now();
    const actor = systemActor('seed');
    const populations = new Map((await regionRepo.listAreas(tx)).map((a) => [a.code, a.population ?? 0]));
    const areas = DEMO_AREAS.filter((a) => populations.has(a.area)).map((a) => ({ ...a, population: populations.get(a.area)! }));
    const history = weeklyHistory(areas, now, seededRandom('demo/surveillance/weeks'));

    const current = epiWeek(now.toISOString().slice(0, 10), 'iso').start;
    const lineStart = lineListStart(now);
    const reported: AggregateCount[] = history
      .filter((w) => (isLineListDisease(w.disease) ? w.weekStart < lineStart : w.weekStart < current))
      .map((w) => ({ party: w.party, area: w.area, disease: w.disease, periodStart: w.weekStart, periodEnd: addDays(w.weekStart, 6), ageBand: 'all', sex: 'all', classification: 'all', count: w.count }));
    const lineWeeks = history.filter((w) => isLineListDisease(w.disease) && w.weekStart >= lineStart);
    const cases = syntheticCases(lineWeeks, now.toISOString().slice(0, 10), seededRandom('demo/surveillance/cases'));

    const writers = surveillanceWriters({ db: tx, audit: createAuditLog(context.clock), clock: context.clock, keys: context.keys, log: context.log }, { detectOnIngest: false });
    const stored = await writers.aggregateIngest.store(actor, reported, 'demo', { synthetic: true, q: tx });
    const ingested = await writers.cases.ingest(
      actor,
      cases.map((report, index) => ({ position: { index }, report })),
      { source: 'demo', synthetic: true, checked: true },
    );

    const keys = new Map<string, { party: string; disease: string; area: string }>();
    for (const w of history) {
      keys.set(`${w.party}|${w.disease}|${w.area}`, { party: w.party, disease: w.disease, area: w.area });
      keys.set(`${w.party}|${w.disease}|all`, { party: w.party, disease: w.disease, area: 'all' });
    }
    const twoYearsBack = addDays(current, -7 * (DETECTION_WEEKS - 1));
    const weeks = writers.detection.weeksBetween(twoYearsBack > FARRINGTON_FROM ? twoYearsBack : FARRINGTON_FROM, current);
    const detection = await writers.detection.runOver(actor, [...keys.values()].map((key) => ({ key, weeks })), 'seed', { synthetic: true, q: tx });
    await signalsRepo.dateSyntheticSignals(tx, now);
    await signalsRepo.dismissSyntheticBefore(tx, lineStart, 'Reviewed at the weekly surveillance meeting (synthetic history)');
    // PGlite has no autovacuum: statistics for the planner after a bulk load.
    await tx.exec('ANALYZE aggregate_counts; ANALYZE case_reports; ANALYZE case_counts_daily; ANALYZE case_counts_weekly; ANALYZE detection_results; ANALYZE signals');
    return { reportedCounts: stored.imported, caseReports: ingested.created, series: detection.series, weeksEvaluated: detection.weeksEvaluated, signals: detection.signalsRaised, synthetic: true };
  },
};
