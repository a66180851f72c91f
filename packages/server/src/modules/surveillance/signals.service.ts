import { addDays, epiWeek, formatWeek, isAppError, suppressionK } from '@concord/core';
import type { DetectionMethod } from '@concord/core/detection/index';
import type { Actor } from '../../actor.ts';
import { actorLabel, reaches } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import { hiddenAreaWeeks } from './aggregate-suppression.ts';
import { grantsFor, partiesFor } from './aggregates.service.ts';
import * as counts from './counts.repo.ts';
import { buildWeeklySeries, evaluateWeeks } from './detection-plan.ts';
import { mondayOf } from './detection.service.ts';
import * as signals from './signals.repo.ts';
import * as errors from './surveillance.errors.ts';

export interface SeriesQuery {
  party: string;
  disease: string;
  area: string;
  from?: string;
  to?: string;
  method?: DetectionMethod;
  purpose: string;
}

const hide = (value: number | null, k: number | null) => (value !== null && k !== null && value > 0 && value < k ? null : value);

/**
 * One week of a series as a reader under k sees it: each channel hidden when
 * small or withheld by the area breakdown; the observed count (the larger
 * channel) hidden with either, since it may equal the one withheld.
 */
const shownCounts = (observed: number, channel: { lineList: number; reported: number | null } | undefined, k: number | null, withheld: { lineList: boolean; reported: boolean }) => {
  const lineList = withheld.lineList ? null : hide(channel?.lineList ?? 0, k);
  const reported = withheld.reported ? null : hide(channel?.reported ?? null, k);
  const shown = withheld.lineList || withheld.reported ? null : hide(observed, k);
  return { observed: shown, lineList, reported, suppressed: shown === null };
};

/**
 * Signals and the series behind them. A party's own staff see its signals;
 * others see them only under a clause that shares the `signals` dataset
 * (unverified alarms usually stay national until an event is notified).
 * Triage: a national focal point dismisses a signal, or the events context
 * promotes it to an event.
 */
export const createSignals = (deps: { db: Db; clock: Clock; audit: AuditLog; access: DataAccess }) => {
  const { db, clock, audit, access } = deps;

  const list = async (actor: Actor, filter: Omit<signals.SignalFilter, 'parties'> & { party?: string; purpose: string }) => {
    const { parties, explicit } = await partiesFor(db, actor, filter.party);
    const { grants, refused } = await grantsFor(access, actor, parties, { dataset: 'signals', purpose: filter.purpose }, explicit);
    const rows = grants.size === 0 ? [] : await signals.listSignals(db, { ...filter, parties: [...grants.keys()] });
    for (const [party, grant] of grants) {
      if (grant.basis !== 'own-jurisdiction') await access.record(db, actor, grant, { records: rows.filter((r) => r.party === party).length });
    }
    return { refused, signals: rows.map((row) => ({ ...row, week: formatWeek(epiWeek(row.weekStart, 'iso')) })) };
  };

  /**
   * One series for a chart: observed counts per ISO week with the threshold,
   * expected value and alarm detection stored for each week (or, with
   * `method`, computed now with that method and not stored), and the signal
   * raised for the week. Readers outside the party get the counts the
   * aggregates clause allows, suppressed below its cell size, and the
   * detection figures only if a clause shares signals.
   */
  const series = async (actor: Actor, q: SeriesQuery) => {
    const to = mondayOf(q.to ?? clock.now().toISOString().slice(0, 10));
    const from = mondayOf(q.from ?? addDays(to, -7 * 103));
    const granularity = { place: q.area === 'all' ? ('country' as const) : ('admin1' as const), time: 'week' as const };
    const grant = await access.authorize(actor, { dataset: 'aggregate-counts', owner: q.party, purpose: q.purpose, disease: q.disease, granularity });
    const k = suppressionK(grant.obligations);
    const detectionShared = await access
      .authorize(actor, { dataset: 'signals', owner: q.party, purpose: q.purpose, disease: q.disease })
      .then(() => true, (error: unknown) => (isAppError(error) && error.status === 403 ? false : Promise.reject(error)));
    const key = { party: q.party, disease: q.disease, area: q.area };
    const channels = await counts.weeklyChannels(db, key, to);
    const built = buildWeeklySeries(channels, to);
    const weeks: string[] = [];
    for (let week = from; week <= to; week = addDays(week, 7)) weeks.push(week);
    const byWeek = new Map(channels.map((c) => [c.weekStart, c]));
    const detected = !detectionShared
      ? new Map()
      : new Map(
          (q.method ? evaluateWeeks(built, weeks, q.method) : await signals.listResults(db, key, from, to)).map((r) => [r.weekStart, r]),
        );
    // An area's weekly counts are cells of its party's breakdown by area: withhold the ones that breakdown withholds.
    const withheld = k === null || q.area === 'all' ? undefined : await hiddenAreaWeeks(db, key, from, to, k);
    const raised = q.method || !detectionShared ? new Map() : new Map((await signals.signalsOfWeeks(db, key, from, to)).map((s) => [s.weekStart, s]));
    if (grant.basis !== 'own-jurisdiction') await access.record(db, actor, grant, { records: weeks.length, fields: ['party', 'area', 'disease', 'period', 'count'] });
    return {
      ...key,
      from,
      to,
      method: q.method ?? 'stored',
      suppressionK: k,
      detectionShared,
      weeks: weeks.map((weekStart) => {
        const channel = byWeek.get(weekStart);
        const index = built.dates.indexOf(weekStart);
        const observed = index >= 0 ? built.counts[index]! : 0;
        const result = detected.get(weekStart);
        const signal = raised.get(weekStart);
        return {
          week: formatWeek(epiWeek(weekStart, 'iso')),
          weekStart,
          ...shownCounts(observed, channel, k, { lineList: withheld?.lineList.has(weekStart) ?? false, reported: withheld?.reported.has(weekStart) ?? false }),
          method: result?.method ?? null,
          threshold: result?.threshold ?? null,
          expected: result?.expected ?? null,
          alarm: result?.alarm ?? null,
          signal: signal ? { id: signal.id, status: signal.status } : null,
        };
      }),
    };
  };

  const get = async (actor: Actor, id: string, q: Queryable = db) => {
    const signal = await signals.getSignal(q, id);
    if (!signal || !reaches(actor, signal.party)) throw errors.signalNotFound(id);
    if (actor.kind === 'user' && actor.jurisdiction !== signal.party) throw outOfScope(signal.party);
    return signal;
  };

  /** Triage by the party's own staff: a dismissed or promoted signal stays as it is. */
  const triage = async (tx: Db, actor: Actor, id: string, change: { status: 'dismissed' | 'promoted'; note?: string; eventId?: string }) => {
    const signal = await signals.getSignal(tx, id, true);
    if (!signal) throw errors.signalNotFound(id);
    if (actor.kind === 'user' && actor.jurisdiction !== signal.party) throw outOfScope(signal.party);
    if (signal.status !== 'new' && signal.status !== 'withdrawn') throw errors.signalAlreadyTriaged(id, signal.status);
    await signals.triageSignal(tx, id, { status: change.status, at: clock.now(), by: actorLabel(actor), note: change.note ?? null, eventId: change.eventId ?? null });
    await audit.append(tx, actor, {
      action: `signal.${change.status}`,
      entityType: 'signal',
      entityId: id,
      jurisdiction: signal.party,
      details: { disease: signal.disease, area: signal.area, week: signal.weekStart, note: change.note ?? null, eventId: change.eventId ?? null },
    });
    return { ...signal, status: change.status };
  };

  const dismiss = (actor: Actor, id: string, note?: string) => db.transaction((tx) => triage(tx, actor, id, { status: 'dismissed', note }));

  return { list, series, get, triage, dismiss };
};

export type Signals = ReturnType<typeof createSignals>;
