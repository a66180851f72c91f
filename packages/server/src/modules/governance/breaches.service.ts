import { randomUUID } from 'node:crypto';
import { breachClock, missingBreachContent, type BreachContentItem } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel, reaches } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as repo from './breaches.repo.ts';
import * as errors from './governance.errors.ts';

/**
 * The personal-data breach workflow: report → assess → contain → notify the
 * supervisory authority within 72 hours of awareness (GDPR Art. 33) and, when
 * the risk is high, the people concerned (Art. 34) → remedies → close. Every
 * step is a timeline event and an audit row; when the 72-hour clock runs out,
 * breach-alerts.ts tells the people who must act.
 */
export const createBreaches = (deps: { db: Db; audit: AuditLog; clock: Clock }) => {
  const { db, audit, clock } = deps;

  const view = (row: repo.BreachRow, now: Date) => ({
    ...row,
    clock: breachClock(
      {
        awareAt: row.awareAt.toISOString(),
        ...(row.notifiedAt ? { notifiedAt: row.notifiedAt.toISOString() } : {}),
        ...(row.notificationRequired === false ? { notificationRequired: false } : {}),
      },
      now.toISOString(),
    ),
    missingContent: missingBreachContent(contentOf(row), { late: false }),
  });

  const contentOf = (row: Partial<repo.BreachRow>): Partial<Record<BreachContentItem, string>> => ({
    nature: row.nature ?? '',
    'data-subjects': row.dataSubjects ?? '',
    records: row.records ?? '',
    'contact-point': row.contactPoint ?? '',
    'likely-consequences': row.likelyConsequences ?? '',
    measures: row.measures ?? '',
    'reasons-for-delay': row.reasonsForDelay ?? '',
  });

  /** Loads a breach the actor reaches, locked for the rest of the transaction, and applies one step. */
  const step = async (
    actor: Actor,
    id: string,
    type: string,
    apply: (row: repo.BreachRow, now: Date) => Partial<repo.BreachRow>,
    details: Record<string, unknown> = {},
  ) => {
    const now = clock.now();
    const updated = await db.transaction(async (tx) => {
      const row = await repo.findBreach(tx, id, true);
      if (!row) throw errors.breachNotFound(id);
      if (!reaches(actor, row.party)) throw outOfScope(row.party);
      const changes = apply(row, now);
      await repo.updateBreach(tx, id, changes);
      await repo.insertBreachEvent(tx, { breachId: id, at: now, actor: actorLabel(actor), type, details });
      await audit.append(tx, actor, { action: `breach.${type}`, entityType: 'breach', entityId: id, jurisdiction: row.party, details });
      return { ...row, ...changes };
    });
    return view(updated, now);
  };

  const report = async (actor: Actor, input: { party: string; title: string; nature: string; awareAt: string }) => {
    if (!reaches(actor, input.party)) throw outOfScope(input.party);
    const now = clock.now();
    const awareAt = new Date(input.awareAt);
    if (awareAt > now) throw errors.breachTimeInvalid('awareAt');
    const row = { id: randomUUID(), party: input.party, title: input.title, nature: input.nature, awareAt, reportedAt: now, reportedBy: actorLabel(actor) };
    await db.transaction(async (tx) => {
      await repo.insertBreach(tx, row);
      await repo.insertBreachEvent(tx, { breachId: row.id, at: now, actor: row.reportedBy, type: 'reported', details: { title: row.title } });
      await audit.append(tx, actor, { action: 'breach.reported', entityType: 'breach', entityId: row.id, jurisdiction: row.party, details: { title: row.title } });
    });
    return get(actor, row.id);
  };

  const assess = (
    actor: Actor,
    id: string,
    input: { risk: 'unlikely' | 'risk' | 'high'; dataSubjects: string; subjectsApprox?: number; records: string; recordsApprox?: number; likelyConsequences: string },
  ) =>
    step(
      actor,
      id,
      'assessed',
      (row) => {
        if (row.status !== 'reported' && row.status !== 'assessed') throw errors.breachWrongStep('assessed', row.status);
        // Art. 33(1): no notification when the breach is unlikely to result in a risk.
        return { ...input, status: 'assessed', notificationRequired: input.risk !== 'unlikely' };
      },
      { risk: input.risk },
    );

  const contain = (actor: Actor, id: string, input: { measures: string; containedAt?: string }) =>
    step(actor, id, 'contained', (row, now) => {
      if (row.status === 'closed') throw errors.breachWrongStep('contained', row.status);
      const containedAt = input.containedAt ? new Date(input.containedAt) : now;
      if (containedAt > now || containedAt < row.awareAt) throw errors.breachTimeInvalid('containedAt');
      return { measures: input.measures, containedAt, status: row.status === 'notified' ? 'notified' : 'contained' };
    });

  const notify = (actor: Actor, id: string, input: { authority: string; contactPoint: string; notifiedAt?: string; reasonsForDelay?: string }) =>
    step(
      actor,
      id,
      'notified',
      (row, now) => {
        if (row.status === 'reported' || row.status === 'closed' || row.notifiedAt) throw errors.breachWrongStep('notified', row.status);
        const notifiedAt = input.notifiedAt ? new Date(input.notifiedAt) : now;
        if (notifiedAt > now || notifiedAt < row.awareAt) throw errors.breachTimeInvalid('notifiedAt');
        const clock = breachClock({ awareAt: row.awareAt.toISOString(), notifiedAt: notifiedAt.toISOString() }, now.toISOString());
        if (clock.reasonsForDelayRequired && !input.reasonsForDelay?.trim()) throw errors.breachDelayReasonRequired(clock.hoursLate ?? 0);
        const changes: Partial<repo.BreachRow> = {
          authority: input.authority,
          contactPoint: input.contactPoint,
          reasonsForDelay: input.reasonsForDelay ?? row.reasonsForDelay,
          notifiedAt,
          status: 'notified',
        };
        const missing = missingBreachContent(contentOf({ ...row, ...changes }), { late: clock.reasonsForDelayRequired });
        if (missing.length > 0) throw errors.breachContentMissing(missing);
        return changes;
      },
      { authority: input.authority },
    );

  const notifySubjects = (actor: Actor, id: string, input: { at?: string }) =>
    step(actor, id, 'subjects-notified', (row, now) => {
      if (row.status === 'reported' || row.status === 'closed') throw errors.breachWrongStep('subjects-notified', row.status);
      return { subjectsNotifiedAt: input.at ? new Date(input.at) : now };
    });

  const addRemedy = (actor: Actor, id: string, input: { action: string; owner: string; due: string }) =>
    step(
      actor,
      id,
      'remedy-added',
      (row) => {
        if (row.status === 'closed') throw errors.breachWrongStep('given remedies', row.status);
        return { remedies: [...row.remedies, { ...input, doneAt: null }] };
      },
      input,
    );

  const completeRemedy = (actor: Actor, id: string, index: number) =>
    step(
      actor,
      id,
      'remedy-done',
      (row, now) => {
        if (!row.remedies[index]) throw errors.breachWrongStep(`given remedy ${index}`, row.status);
        return { remedies: row.remedies.map((r, i) => (i === index ? { ...r, doneAt: now.toISOString() } : r)) };
      },
      { index },
    );

  const close = (actor: Actor, id: string) =>
    step(actor, id, 'closed', (row, now) => {
      if (row.notificationRequired === null) throw errors.breachNotClosable('it has not been assessed');
      if (row.notificationRequired && !row.notifiedAt) throw errors.breachNotClosable('the supervisory authority has not been notified');
      if (row.risk === 'high' && !row.subjectsNotifiedAt) throw errors.breachNotClosable('the people concerned have not been told (Art. 34)');
      if (!row.containedAt) throw errors.breachNotClosable('it is not contained');
      if (row.remedies.some((r) => !r.doneAt)) throw errors.breachNotClosable('remedies are still open');
      return { status: 'closed', closedAt: now };
    });

  const get = async (actor: Actor, id: string) => {
    const row = await repo.findBreach(db, id);
    if (!row) throw errors.breachNotFound(id);
    if (!reaches(actor, row.party)) throw outOfScope(row.party);
    return { ...view(row, clock.now()), timeline: await repo.listBreachEvents(db, id) };
  };

  const list = async (actor: Actor, filter: { party?: string; open?: boolean }) => {
    if (filter.party && !reaches(actor, filter.party)) throw outOfScope(filter.party);
    const parties = filter.party ? [filter.party] : actor.kind === 'user' && !actor.regionWide ? [actor.jurisdiction] : undefined;
    const now = clock.now();
    return (await repo.listBreaches(db, { parties, open: filter.open })).map((row) => view(row, now));
  };

  return { report, assess, contain, notify, notifySubjects, addRemedy, completeRemedy, close, get, list };
};

export type Breaches = ReturnType<typeof createBreaches>;
