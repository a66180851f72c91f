import { randomUUID } from 'node:crypto';
import { findDisease, type ResponseActionRecord, type TimelinessFactor } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { DataAccess } from '../governance/index.ts';
import type { Signals } from '../surveillance/index.ts';
import { describeSent, type AlertChange, type AlertUpdates } from './alert-updates.ts';
import * as errors from './events.errors.ts';
import * as repo from './events.repo.ts';
import * as notices from './notifications.repo.ts';
import { runningClock, timelinessOf } from './timeliness.ts';

export interface OpenEventInput {
  signalId?: string;
  area?: string;
  disease?: string;
  title?: string;
  summary?: string;
  emergenceDate?: string;
  detectionDate?: string;
}

export interface EventChanges {
  title?: string;
  summary?: string | null;
  area?: string | null;
  cases?: number | null;
  deaths?: number | null;
  emergenceDate?: string | null;
  detectionDate?: string | null;
  notificationDate?: string | null;
  responseActions?: ResponseActionRecord[];
  bottlenecks?: TimelinessFactor[];
  enablers?: TimelinessFactor[];
}

export const OPEN: readonly repo.EventStatus[] = ['verification', 'confirmed'];

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

const diseaseName = (code: string | null) => (code ? (findDisease(code)?.name.en ?? code) : 'Event of unknown cause');

/**
 * The event record and its plain workflow: open (from a signal, or reported
 * directly), verify or discard, update the 7-1-7 record, close. Only the
 * affected party's staff change an event. An event is visible to its party
 * and to every jurisdiction the escalation clause told about it; such reads
 * are recorded in the access log under that clause.
 */
export const createEvents = (deps: { db: Db; audit: AuditLog; clock: Clock; signals: Signals; access: DataAccess; alerts: AlertUpdates }) => {
  const { db, audit, clock } = deps;

  const timeline = (eventId: string, actor: Actor, kind: string, summary: string, details: Record<string, unknown> = {}): repo.TimelineEntry => ({
    id: randomUUID(),
    eventId,
    at: clock.now(),
    kind,
    actor: actorLabel(actor),
    summary,
    details,
  });

  /** Loads an event the actor may change (its own party's), locked in the transaction. */
  const loadOwn = async (tx: Queryable, actor: Actor, id: string) => {
    const event = await repo.getEvent(tx, id, true);
    if (!event) throw errors.eventNotFound(id);
    if (actor.kind === 'user' && actor.jurisdiction !== event.party) {
      if (await toldTo(tx, id, actor.jurisdiction)) throw outOfScope(event.party);
      throw errors.eventNotFound(id);
    }
    return event;
  };

  const toldTo = async (q: Queryable, eventId: string, jurisdiction: string) =>
    (await notices.notificationsOf(q, eventId)).some((n) => n.jurisdiction === jurisdiction);

  const open = async (actor: Actor, input: OpenEventInput) => {
    const party = actor.kind === 'user' ? actor.jurisdiction : undefined;
    const now = clock.now();
    return db.transaction(async (tx) => {
      const id = randomUUID();
      let event: repo.EventRecord;
      const base = { id, summary: input.summary ?? null, status: 'verification' as const, alertLevel: null, riskLevel: null, ihrOutcome: null };
      const record = { responseActions: [], bottlenecks: [], enablers: [], cases: null, deaths: null, openedAt: now, openedBy: actorLabel(actor), updatedAt: now, closedAt: null, synthetic: false };
      if (input.signalId) {
        const signal = await deps.signals.triage(tx, actor, input.signalId, { status: 'promoted', eventId: id, note: input.summary });
        const area = signal.area === 'all' ? null : signal.area;
        event = {
          ...base,
          ...record,
          party: signal.party,
          area,
          disease: signal.disease,
          signalId: signal.id,
          title: input.title ?? `${diseaseName(signal.disease)} above the expected level in ${area ?? signal.party}, week of ${signal.weekStart}`,
          // For an endemic disease 7-1-7 dates emergence to the threshold crossing; detection is the signal itself.
          emergenceDate: input.emergenceDate ?? signal.weekStart,
          detectionDate: input.detectionDate ?? dayOf(signal.raisedAt),
          notificationDate: dayOf(now),
        };
      } else {
        const missing = [!party && 'party', !input.title && 'title'].filter((f): f is string => typeof f === 'string');
        if (missing.length > 0) throw errors.eventFieldsMissing(missing);
        event = {
          ...base,
          ...record,
          party: party!,
          area: input.area ?? null,
          disease: input.disease ?? null,
          signalId: null,
          title: input.title!,
          emergenceDate: input.emergenceDate ?? null,
          detectionDate: input.detectionDate ?? dayOf(now),
          // The focal point recording the event is the public health authority responsible for action.
          notificationDate: dayOf(now),
        };
      }
      timelinessOf(event); // refuses dates out of order before anything is stored
      await repo.insertEvent(tx, event);
      await repo.addTimeline(tx, [timeline(id, actor, 'opened', input.signalId ? 'Opened from a signal' : 'Reported directly', { signalId: input.signalId ?? null })]);
      await audit.append(tx, actor, { action: 'event.opened', entityType: 'event', entityId: id, jurisdiction: event.party, details: { disease: event.disease, signalId: event.signalId } });
      return event;
    });
  };

  /** Sends the update of the event's alert, if it was raised as one, and notes it on the timeline (in the caller's transaction). */
  const followAlert = async (tx: Db, actor: Actor, event: repo.EventRecord, change: AlertChange, note?: string) => {
    const results = await deps.alerts.send(tx, actor, event, change, note);
    if (results.length > 0) {
      await repo.addTimeline(tx, [timeline(event.id, actor, 'alert-updated', describeSent(results), { messages: results.map((r) => ({ id: r.id, to: r.to, status: r.status })) })]);
    }
    return results;
  };

  const transition = async (actor: Actor, id: string, action: AlertChange, allowed: readonly repo.EventStatus[], apply: (e: repo.EventRecord, now: Date) => void, note?: string) =>
    db.transaction(async (tx) => {
      const event = await loadOwn(tx, actor, id);
      if (!allowed.includes(event.status)) throw errors.wrongStatus(action, event.status, allowed);
      const now = clock.now();
      const before = event.status;
      apply(event, now);
      event.updatedAt = now;
      await repo.updateEvent(tx, event);
      await repo.addTimeline(tx, [timeline(id, actor, action, note ?? `${before} → ${event.status}`, { from: before, to: event.status, note: note ?? null })]);
      await audit.append(tx, actor, { action: `event.${action}`, entityType: 'event', entityId: id, jurisdiction: event.party, details: { from: before, to: event.status, note: note ?? null } });
      await followAlert(tx, actor, event, action, note);
      return event;
    });

  const verify = (actor: Actor, id: string, outcome: 'confirmed' | 'discarded', note?: string) =>
    transition(actor, id, outcome === 'confirmed' ? 'verified' : 'discarded', ['verification'], (e, now) => {
      e.status = outcome;
      if (outcome === 'discarded') e.closedAt = now;
    }, note);

  const close = (actor: Actor, id: string, note?: string) =>
    transition(actor, id, 'closed', ['confirmed'], (e, now) => {
      e.status = 'closed';
      e.closedAt = now;
    }, note);

  /** Changes the record (title, counts, 7-1-7 dates, response actions, bottlenecks, enablers); core checks the 7-1-7 record first. */
  const update = (actor: Actor, id: string, changes: EventChanges) =>
    db.transaction(async (tx) => {
      const event = await loadOwn(tx, actor, id);
      const next = { ...event, ...changes, updatedAt: clock.now() } as repo.EventRecord;
      timelinessOf(next);
      await repo.updateEvent(tx, next);
      const fields = Object.keys(changes);
      await repo.addTimeline(tx, [timeline(id, actor, 'updated', `Updated ${fields.join(', ')}`, { ...changes })]);
      await audit.append(tx, actor, { action: 'event.updated', entityType: 'event', entityId: id, jurisdiction: event.party, details: { fields } });
      return next;
    });

  const visibleTo = (actor: Actor) => (actor.kind === 'user' ? actor.jurisdiction : undefined);

  const list = async (actor: Actor, filter: Omit<repo.EventFilter, 'visibleTo'>) => {
    const events = await repo.listEvents(db, { ...filter, visibleTo: visibleTo(actor) });
    const today = dayOf(clock.now());
    return events.map((event) => {
      const result = timelinessOf(event);
      return { ...event, sevenOneSeven: { overall: result.overall, detect: result.detect.status, notify: result.notify.status, respond: result.respond.status }, clock: OPEN.includes(event.status) ? runningClock(event, result, today) : null };
    });
  };

  /** One event with everything a dashboard shows: timeline, assessments, escalations, notifications, 7-1-7 and its running clock. */
  const get = async (actor: Actor, id: string) => {
    const event = await repo.getEvent(db, id);
    if (!event) throw errors.eventNotFound(id);
    const notifications = await notices.notificationsOf(db, id);
    const own = actor.kind === 'system' || actor.jurisdiction === event.party;
    const told = actor.kind === 'user' && notifications.some((n) => n.jurisdiction === actor.jurisdiction);
    if (!own && !told) throw errors.eventNotFound(id);
    const escalations = await notices.escalationsOf(db, id);
    if (!own) await recordToldRead(actor, event, escalations);
    const result = timelinessOf(event);
    return {
      ...event,
      timeline: await repo.timelineOf(db, id),
      riskAssessments: await repo.riskAssessmentsOf(db, id),
      ihrAssessments: await repo.ihrAssessmentsOf(db, id),
      escalations,
      notifications: own ? notifications : notifications.filter((n) => n.jurisdiction === (actor as { jurisdiction: string }).jurisdiction),
      sevenOneSeven: result,
      clock: OPEN.includes(event.status) ? runningClock(event, result, dayOf(clock.now())) : null,
    };
  };

  /** A read by a jurisdiction the escalation clause told: recorded under that clause. */
  const recordToldRead = async (actor: Actor, event: repo.EventRecord, escalations: notices.EscalationRow[]) => {
    const basis = [...escalations].reverse().find((e) => e.effect === 'permit');
    await deps.access.record(db, actor, {
      request: { dataset: 'events', owner: event.party, purpose: 'outbreak-response', ...(event.disease ? { disease: event.disease } : {}) },
      basis: 'pact',
      obligations: [],
      decisionId: basis?.decisionId ?? null,
      pactId: basis?.pactId ?? null,
      pactVersion: basis?.pactVersion ?? null,
      clauseId: basis?.clauseId ?? null,
    }, { records: 1, fields: ['party', 'area', 'disease', 'alertLevel', 'riskLevel', 'cases', 'deaths', 'dates'] });
  };

  return { open, verify, close, update, list, get, loadOwn, timeline, followAlert };
};

export type Events = ReturnType<typeof createEvents>;
