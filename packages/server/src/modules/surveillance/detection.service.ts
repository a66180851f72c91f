import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { addDays, epiWeek } from '@concord/core';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { TouchedWeeks } from './case-ingest.service.ts';
import * as counts from './counts.repo.ts';
import { buildWeeklySeries, evaluateWeeks } from './detection-plan.ts';
import * as signals from './signals.repo.ts';

/** The Monday of the ISO week holding `date`. */
export const mondayOf = (date: string): string => epiWeek(date, 'iso').start;

export const currentWeek = (now: Date): string => mondayOf(now.toISOString().slice(0, 10));

/** Series the scheduled run watches: anything with data in the last two years. */
const ACTIVE_WEEKS = 104;

/**
 * Detection over stored series: on ingest for the series and weeks a batch
 * touched, on a schedule for the last complete and the current week of
 * every active series, and on request. Results and signals are saved in one
 * transaction with one audit row per run.
 */
export const createDetection = (deps: { db: Db; audit: AuditLog; clock: Clock; log: Logger }) => {
  const { db, audit, clock, log } = deps;

  /** Evaluates some weeks of many series, reading each party's series in two queries; stores results and signals. */
  const evaluate = async (q: Queryable, work: readonly { key: signals.SeriesKey; weeks: readonly string[] }[], at: Date, synthetic = false) => {
    const rows: signals.DetectionResult[] = [];
    for (const party of [...new Set(work.map((w) => w.key.party))]) {
      const mine = work.filter((w) => w.key.party === party && w.weeks.length > 0);
      const until = mine.flatMap((w) => w.weeks).sort().at(-1);
      if (until === undefined) continue;
      const channelsOf = await counts.weeklyChannelsOfParty(q, party, [...new Set(mine.map((w) => w.key.disease))], until);
      for (const { key, weeks } of mine) {
        const last = [...weeks].sort().at(-1)!;
        const series = buildWeeklySeries(channelsOf(key.disease, key.area), last);
        rows.push(...evaluateWeeks(series, weeks).map((week) => ({ ...key, ...week })));
      }
    }
    for (let i = 0; i < rows.length; i += 5_000) await signals.saveResults(q, rows.slice(i, i + 5_000), at);
    let raised = 0;
    for (let i = 0; i < rows.length; i += 5_000) raised += await signals.syncSignals(q, rows.slice(i, i + 5_000), at, randomUUID, synthetic);
    return { evaluated: rows.length, raised };
  };

  const runOver = async (actor: Actor, work: { key: signals.SeriesKey; weeks: string[] }[], reason: string, options: { synthetic?: boolean; q?: Db } = {}) => {
    const at = clock.now();
    const run = async (tx: Db) => {
      const { evaluated, raised } = await evaluate(tx, work, at, options.synthetic);
      await audit.append(tx, actor, {
        action: 'detection.ran',
        entityType: 'detection-run',
        entityId: randomUUID(),
        details: { reason, series: work.length, weeksEvaluated: evaluated, signalsRaised: raised },
      });
      return { series: work.length, weeksEvaluated: evaluated, signalsRaised: raised };
    };
    return options.q ? run(options.q) : db.transaction(run);
  };

  /** After an ingest commit: the touched weeks of each touched series. Never fails the ingest. */
  const afterIngest = async (actor: Actor, touched: TouchedWeeks): Promise<number> => {
    try {
      const work = [...touched.values()].map(({ weeks, ...key }) => ({ key, weeks: [...weeks] }));
      return (await runOver(actor, work, 'ingest')).signalsRaised;
    } catch (error) {
      log.error({ err: error }, 'detection after ingest failed; the scheduled run will retry');
      return 0;
    }
  };

  /** Every series with data in the last two years, at area level and for the whole party. */
  const activeKeys = async (filter: { parties?: readonly string[]; disease?: string } = {}): Promise<signals.SeriesKey[]> => {
    const since = addDays(currentWeek(clock.now()), -7 * ACTIVE_WEEKS);
    const rows = (await counts.activeSeries(db, since)).filter(
      (r) => (!filter.parties || filter.parties.includes(r.party)) && (!filter.disease || filter.disease === r.disease),
    );
    const national = new Map(rows.map((r) => [`${r.party}|${r.disease}`, { party: r.party, disease: r.disease, area: 'all' }]));
    return [...rows, ...national.values()];
  };

  const weeksBetween = (from: string, to: string): string[] => {
    const weeks: string[] = [];
    for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) weeks.push(week);
    return weeks;
  };

  /** The scheduled run: last complete ISO week and the current one, every active series. */
  const runScheduled = async (actor: Actor) => {
    const current = currentWeek(clock.now());
    const weeks = [addDays(current, -7), current];
    const keys = await activeKeys();
    return runOver(actor, keys.map((key) => ({ key, weeks })), 'schedule');
  };

  /** A run on request over a span of weeks (default: the last 8). */
  const runOnRequest = async (actor: Actor, filter: { parties?: readonly string[]; disease?: string; from?: string; to?: string }) => {
    const current = currentWeek(clock.now());
    const to = filter.to ? mondayOf(filter.to) : current;
    const from = filter.from ?? addDays(to, -7 * 7);
    const weeks = weeksBetween(from, to > current ? current : to);
    const keys = await activeKeys(filter);
    return runOver(actor, keys.map((key) => ({ key, weeks })), 'request');
  };

  return { evaluate, runOver, afterIngest, runScheduled, runOnRequest, activeKeys, weeksBetween };
};

export type Detection = ReturnType<typeof createDetection>;
