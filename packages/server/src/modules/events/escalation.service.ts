import { randomUUID } from 'node:crypto';
import { assessIhrAnnex2, assessRisk, type AlertLevels, type IhrAnswers, type Obligation } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { PactService, StoredDecision } from '../pact/index.ts';
import * as errors from './events.errors.ts';
import * as repo from './events.repo.ts';
import type { Events } from './events.service.ts';
import * as notices from './notifications.repo.ts';

const HOUR = 3_600_000;

type Of<T extends Obligation['type']> = Extract<Obligation, { type: T }>;
const obligation = <T extends Obligation['type']>(decision: StoredDecision, type: T): Of<T> | undefined =>
  decision.obligations.find((o): o is Of<T> => o.type === type);

/**
 * Risk assessment, alert levels and who is told. A WHO rapid risk
 * assessment (likelihood × consequences) gives the risk and the alert level
 * (core); a new level asks the pact's escalation clause who leads, who
 * decides by when and who must be told within how many hours, and each
 * recipient gets a notification clocked until they acknowledge it. The IHR
 * Annex 2 instrument (core) decides whether WHO must be notified within 24
 * hours; that notification is clocked until the focal point records it sent.
 */
export const createEscalation = (deps: { db: Db; audit: AuditLog; clock: Clock; pact: PactService; events: Events }) => {
  const { db, audit, clock, pact, events } = deps;

  const escalate = async (tx: Db, actor: Actor, event: repo.EventRecord, level: number, decision: StoredDecision, now: Date) => {
    const decideWithin = obligation(decision, 'decide-within');
    const escalation: notices.EscalationRow = {
      id: randomUUID(),
      eventId: event.id,
      at: now,
      alertLevel: level,
      effect: decision.effect,
      decisionId: decision.id,
      pactId: decision.pactId || null,
      pactVersion: decision.pactVersion || null,
      clauseId: decision.clauseId,
      lead: obligation(decision, 'lead')?.by ?? [],
      decides: decideWithin?.by ?? [],
      decideBy: decideWithin ? new Date(decideWithin.deadline) : null,
      reasons: decision.reasons,
    };
    await notices.insertEscalation(tx, escalation);
    const notify = obligation(decision, 'notify');
    // The affected party does not notify itself; everyone else the clause names is told.
    const recipients = decision.effect === 'permit' ? (notify?.parties ?? []).filter((r) => r.split('/')[0] !== event.party) : [];
    const rows: notices.NotificationRow[] = recipients.map((recipient) => ({
      id: randomUUID(),
      eventId: event.id,
      escalationId: escalation.id,
      channel: 'pact',
      recipient,
      jurisdiction: recipient.split('/')[0]!,
      role: recipient.split('/')[1] ?? null,
      alertLevel: level,
      sentAt: now,
      dueAt: new Date(now.getTime() + (notify?.withinHours ?? 24) * HOUR),
      acknowledgedAt: null,
      acknowledgedBy: null,
      overdueAt: null,
      synthetic: false,
    }));
    await notices.insertNotifications(tx, rows);
    const summary =
      decision.effect === 'permit'
        ? `Alert level ${level}: ${recipients.length} recipient(s) told under ${decision.clauseId}, due within ${notify?.withinHours ?? 24} h`
        : `Alert level ${level}: the pact names no one to tell (${decision.reasons[0] ?? 'denied'})`;
    await repo.addTimeline(tx, [events.timeline(event.id, actor, 'escalated', summary, { level, clauseId: decision.clauseId, recipients, decideBy: escalation.decideBy })]);
    return { escalation, notifications: rows };
  };

  const assessEventRisk = (actor: Actor, id: string, input: { likelihood: string; consequences: string; rationale?: string }) => {
    const assessment = assessRisk(input);
    return db.transaction(async (tx) => {
      const event = await events.loadOwn(tx, actor, id);
      if (event.status !== 'confirmed') throw errors.wrongStatus('risk-assess', event.status, ['confirmed']);
      const now = clock.now();
      const previous = event.alertLevel;
      // Decided and stored in this transaction: the decision and the notifications it causes commit together.
      const decision =
        previous === assessment.alertLevel
          ? null
          : await pact.decide(actor, { kind: 'escalation', party: event.party, ...(event.disease ? { disease: event.disease } : {}), level: assessment.alertLevel }, { tx });
      await repo.insertRiskAssessment(tx, {
        id: randomUUID(),
        eventId: id,
        at: now,
        ...assessment,
        rationale: input.rationale ?? null,
        assessedBy: actorLabel(actor),
      });
      event.alertLevel = assessment.alertLevel;
      event.riskLevel = assessment.risk;
      event.updatedAt = now;
      await repo.addTimeline(tx, [
        events.timeline(id, actor, 'risk-assessed', `Risk ${assessment.risk} (${assessment.likelihood} × ${assessment.consequences}): alert level ${assessment.alertLevel}`, { ...assessment, rationale: input.rationale ?? null }),
      ]);
      const escalated = decision ? await escalate(tx, actor, event, assessment.alertLevel, decision, now) : null;
      await repo.updateEvent(tx, event);
      // The alert raised for this event, if any, follows its new level, in this transaction.
      const alertUpdates = previous === assessment.alertLevel ? [] : await events.followAlert(tx, actor, event, 'level', input.rationale);
      await audit.append(tx, actor, {
        action: 'event.risk-assessed',
        entityType: 'event',
        entityId: id,
        jurisdiction: event.party,
        details: { ...assessment, previousLevel: previous, decisionId: decision?.id ?? null, notified: escalated?.notifications.map((n) => n.recipient) ?? [] },
      });
      return {
        assessment,
        alertLevel: event.alertLevel,
        previousLevel: previous,
        escalation: escalated?.escalation ?? null,
        notifications: escalated?.notifications ?? [],
        alertUpdates: alertUpdates.map((r) => ({ id: r.id, to: r.to, status: r.status, reasons: r.reasons })),
      };
    });
  };

  const assessIhr = (actor: Actor, id: string, input: { answers?: IhrAnswers; potentialInternationalConcern?: boolean }) =>
    db.transaction(async (tx) => {
      const event = await events.loadOwn(tx, actor, id);
      if (event.status !== 'confirmed') throw errors.wrongStatus('assess under IHR Annex 2', event.status, ['confirmed']);
      if (!event.disease && !input.potentialInternationalConcern) throw errors.diseaseRequiredForIhr();
      const now = clock.now();
      const result = assessIhrAnnex2({
        ...(event.disease ? { disease: event.disease } : {}),
        answers: input.answers ?? {},
        potentialInternationalConcern: input.potentialInternationalConcern ?? false,
        assessedAt: now.toISOString(),
      });
      await repo.insertIhrAssessment(tx, {
        id: randomUUID(),
        eventId: id,
        at: now,
        answers: (input.answers ?? {}) as Record<string, boolean>,
        potentialInternationalConcern: input.potentialInternationalConcern ?? false,
        outcome: result.outcome,
        criteriaMet: result.criteriaMet,
        path: result.path,
        reason: result.reason,
        notifyBy: result.notifyBy ? new Date(result.notifyBy) : null,
        assessedBy: actorLabel(actor),
      });
      event.ihrOutcome = result.outcome;
      event.updatedAt = now;
      await repo.updateEvent(tx, event);
      let notification: notices.NotificationRow | null = null;
      if (result.outcome === 'notify' && !(await notices.openIhrNotification(tx, id))) {
        notification = {
          id: randomUUID(),
          eventId: id,
          escalationId: null,
          channel: 'ihr',
          recipient: 'WHO',
          jurisdiction: 'WHO',
          role: null,
          alertLevel: event.alertLevel,
          sentAt: now,
          dueAt: new Date(result.notifyBy!),
          acknowledgedAt: null,
          acknowledgedBy: null,
          overdueAt: null,
          synthetic: false,
        };
        await notices.insertNotifications(tx, [notification]);
      }
      await repo.addTimeline(tx, [events.timeline(id, actor, 'ihr-assessed', result.reason, { outcome: result.outcome, path: result.path, notifyBy: result.notifyBy })]);
      await audit.append(tx, actor, { action: 'event.ihr-assessed', entityType: 'event', entityId: id, jurisdiction: event.party, details: { outcome: result.outcome, criteriaMet: result.criteriaMet } });
      return { ...result, notification };
    });

  /**
   * A recipient acknowledges a pact notification (any user of the named
   * jurisdiction holding the named role); the affected party's focal point
   * records that the IHR notification to WHO was sent.
   */
  const acknowledge = (actor: Actor, notificationId: string) =>
    db.transaction(async (tx) => {
      const n = await notices.getNotification(tx, notificationId, true);
      if (!n || actor.kind !== 'user') throw errors.notificationNotFound(notificationId);
      const event = (await repo.getEvent(tx, n.eventId))!;
      const addressee = n.channel === 'ihr' ? event.party : n.jurisdiction;
      if (actor.jurisdiction !== addressee) throw errors.notificationNotFound(notificationId);
      const role = n.channel === 'ihr' ? 'national-focal-point' : n.role;
      if (role && !actor.roles.includes(role as never)) throw errors.notAddressee(notificationId, n.recipient);
      if (n.acknowledgedAt) throw errors.notificationAcknowledged(notificationId, n.acknowledgedAt);
      const now = clock.now();
      await notices.acknowledge(tx, notificationId, now, actorLabel(actor));
      const late = now > n.dueAt;
      const what = n.channel === 'ihr' ? 'Notification to WHO recorded as sent' : `${n.recipient} acknowledged`;
      await repo.addTimeline(tx, [events.timeline(n.eventId, actor, 'acknowledged', `${what}${late ? ' (late)' : ''}`, { notificationId, late })]);
      await audit.append(tx, actor, { action: 'event.notification-acknowledged', entityType: 'notification', entityId: notificationId, jurisdiction: event.party, details: { eventId: n.eventId, recipient: n.recipient, late } });
      return { ...n, acknowledgedAt: now, acknowledgedBy: actorLabel(actor), late };
    });

  /** The scheduled clock: every open notification past its due time is marked overdue once, on its event's timeline. */
  const markOverdue = (actor: Actor) =>
    db.transaction(async (tx) => {
      const marked = await notices.markOverdue(tx, clock.now());
      if (marked.length === 0) return { marked: 0 };
      await repo.addTimeline(tx, marked.map((n) => events.timeline(n.eventId, actor, 'overdue', `${n.recipient} has not acknowledged; due ${n.dueAt.toISOString()}`, { notificationId: n.id })));
      await audit.append(tx, actor, { action: 'event.notifications-overdue', entityType: 'notification', details: { ids: marked.map((n) => n.id) } });
      return { marked: marked.length };
    });

  /** The current alert level per party and disease, from open events (what the pact's conditions read as `alert`). */
  const alertLevels = async (q: Queryable = db): Promise<AlertLevels> => {
    const levels: AlertLevels = {};
    for (const row of await repo.openAlertLevels(q)) (levels[row.party] ??= {})[row.disease] = row.level;
    return levels;
  };

  const inbox = async (actor: Actor, open: boolean) => {
    if (actor.kind !== 'user') return [];
    const rows = await notices.inbox(db, { jurisdiction: actor.jurisdiction, open, limit: 500 });
    const mine = rows.filter((n) => n.role === null || actor.roles.includes(n.role as never));
    const titles = new Map<string, repo.EventRecord>();
    for (const id of new Set(mine.map((n) => n.eventId))) {
      const event = await repo.getEvent(db, id);
      if (event) titles.set(id, event);
    }
    return mine.map((n) => {
      const event = titles.get(n.eventId);
      return { ...n, event: event ? { id: event.id, party: event.party, disease: event.disease, title: event.title, alertLevel: event.alertLevel, status: event.status } : null };
    });
  };

  return { assessEventRisk, assessIhr, acknowledge, markOverdue, alertLevels, inbox, escalate };
};

export type Escalation = ReturnType<typeof createEscalation>;
