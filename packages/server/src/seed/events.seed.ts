import { randomUUID } from 'node:crypto';
import { addDays, assessIhrAnnex2, assessRisk, decideInForce, findDisease, seededRandom, type Decision, type Obligation, type Random } from '@concord/core';
import type { Db } from '../db/database.ts';
import { eventsRepo, notificationsRepo, type EventRecord } from '../modules/events/index.ts';
import * as pactRepo from '../modules/pact/pact.repo.ts';
import { regionRepo } from '../modules/region/index.ts';
import { signalsRepo } from '../modules/surveillance/index.ts';
import { eventStory, RECENT_RISK, type EventStory } from './events-history.ts';
import type { SeedStep } from './runner.ts';
import { HISTORICAL_OUTBREAKS, recentOutbreaks, type Outbreak } from './surveillance-history.ts';

const PACT_ID = 'eac-health-security-pact';
const HOUR = 3_600_000;
const SEED = 'system:seed';

type Of<T extends Obligation['type']> = Extract<Obligation, { type: T }>;
const obligation = <T extends Obligation['type']>(d: Decision, type: T) => d.obligations.find((o): o is Of<T> => o.type === type);

interface Context {
  tx: Db;
  now: Date;
  random: Random;
  areaNames: Map<string, string>;
  decideAt: (request: { party: string; disease: string; level: number }, at: Date) => Promise<Decision & { id: string }>;
}

const timeline = (eventId: string, at: Date, kind: string, summary: string, details: Record<string, unknown> = {}): eventsRepo.TimelineEntry => ({
  id: randomUUID(),
  eventId,
  at,
  kind,
  actor: SEED,
  summary,
  details,
});

/** When a recipient acknowledged: mostly within the deadline, sometimes late; recent ones may still be open. */
const acknowledgement = (random: Random, sent: Date, due: Date, now: Date, recent = false) => {
  if (recent && random.next() < 0.3) return { acknowledgedAt: null, overdueAt: due < now ? due : null };
  const at = new Date(sent.getTime() + (due.getTime() - sent.getTime()) * (0.1 + random.next() * 1.15));
  if (at > now) return { acknowledgedAt: null, overdueAt: due < now ? due : null };
  return { acknowledgedAt: at, overdueAt: at > due ? due : null };
};

/** Asks the pact in force at that moment who leads, decides and is told; stores escalation and notifications. */
const escalate = async (c: Context, event: EventRecord, level: number, at: Date) => {
  const decision = await c.decideAt({ party: event.party, disease: event.disease!, level }, at);
  const notify = obligation(decision, 'notify');
  const decideWithin = obligation(decision, 'decide-within');
  const escalationId = randomUUID();
  await notificationsRepo.insertEscalation(c.tx, {
    id: escalationId,
    eventId: event.id,
    at,
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
  });
  const recipients = decision.effect === 'permit' ? (notify?.parties ?? []).filter((r) => r.split('/')[0] !== event.party) : [];
  const due = new Date(at.getTime() + (notify?.withinHours ?? 24) * HOUR);
  const rows = recipients.map((recipient) => ({
    id: randomUUID(),
    eventId: event.id,
    escalationId,
    channel: 'pact' as const,
    recipient,
    jurisdiction: recipient.split('/')[0]!,
    role: recipient.split('/')[1] ?? null,
    alertLevel: level,
    sentAt: at,
    dueAt: due,
    ...acknowledgement(c.random, at, due, c.now, event.status === 'confirmed'),
    acknowledgedBy: null as string | null,
    synthetic: true,
  }));
  for (const row of rows) if (row.acknowledgedAt) row.acknowledgedBy = `user:${row.role ?? 'user'}.${row.jurisdiction.toLowerCase()}@demo.concord.example`;
  await notificationsRepo.insertNotifications(c.tx, rows);
  const summary =
    decision.effect === 'permit'
      ? `Alert level ${level}: ${recipients.length} recipient(s) told under ${decision.clauseId}, due within ${notify?.withinHours ?? 24} h`
      : `Alert level ${level}: no pact in force named anyone to tell`;
  return [timeline(event.id, at, 'escalated', summary, { level, clauseId: decision.clauseId, recipients })];
};

const ihr = async (c: Context, event: EventRecord, story: EventStory, at: Date) => {
  const result = assessIhrAnnex2({ disease: event.disease!, answers: story.ihr.answers, potentialInternationalConcern: story.ihr.potentialInternationalConcern, assessedAt: at.toISOString() });
  await eventsRepo.insertIhrAssessment(c.tx, {
    id: randomUUID(),
    eventId: event.id,
    at,
    answers: story.ihr.answers as Record<string, boolean>,
    potentialInternationalConcern: story.ihr.potentialInternationalConcern,
    outcome: result.outcome,
    criteriaMet: result.criteriaMet,
    path: result.path,
    reason: result.reason,
    notifyBy: result.notifyBy ? new Date(result.notifyBy) : null,
    assessedBy: SEED,
  });
  event.ihrOutcome = result.outcome;
  if (result.outcome === 'notify') {
    const due = new Date(result.notifyBy!);
    const ack = acknowledgement(c.random, at, due, c.now);
    await notificationsRepo.insertNotifications(c.tx, [
      { id: randomUUID(), eventId: event.id, escalationId: null, channel: 'ihr', recipient: 'WHO', jurisdiction: 'WHO', role: null, alertLevel: event.alertLevel, sentAt: at, dueAt: due, ...ack, acknowledgedBy: ack.acknowledgedAt ? `user:nfp.${event.party.toLowerCase()}@demo.concord.example` : null, synthetic: true },
    ]);
  }
  return [timeline(event.id, at, 'ihr-assessed', result.reason, { outcome: result.outcome, path: result.path })];
};

/** Writes one event with its whole history, as the workflow would have left it. */
const writeEvent = async (c: Context, story: EventStory, signalId: string | null) => {
  const o = story.outbreak;
  const openedAt = new Date(Math.min(Date.parse(`${story.notificationDate}T09:00:00Z`), c.now.getTime() - 3 * HOUR));
  const at = (hours: number) => new Date(Math.min(openedAt.getTime() + hours * HOUR, c.now.getTime()));
  const assessment = assessRisk(RECENT_RISK[`${o.area}/${o.disease}`] ?? story);
  const event: EventRecord = {
    id: randomUUID(),
    party: o.party,
    area: o.area,
    disease: o.disease,
    title: `${findDisease(o.disease)?.name.en ?? o.disease} outbreak, ${c.areaNames.get(o.area) ?? o.area} (${story.emergenceDate.slice(0, 4)})`,
    summary: 'Synthetic demonstration event.',
    status: story.closedOn ? 'closed' : 'confirmed',
    signalId,
    alertLevel: assessment.alertLevel,
    riskLevel: assessment.risk,
    ihrOutcome: null,
    emergenceDate: story.emergenceDate,
    detectionDate: story.detectionDate,
    notificationDate: story.notificationDate,
    responseActions: story.responseActions,
    bottlenecks: story.bottlenecks,
    enablers: story.enablers,
    cases: story.cases,
    deaths: story.deaths,
    openedAt,
    openedBy: SEED,
    updatedAt: at(8),
    closedAt: story.closedOn ? new Date(`${story.closedOn}T12:00:00Z`) : null,
    synthetic: true,
  };
  await eventsRepo.insertEvent(c.tx, event);
  await eventsRepo.insertRiskAssessment(c.tx, { id: randomUUID(), eventId: event.id, at: at(6), ...assessment, rationale: 'Synthetic demonstration assessment.', assessedBy: SEED });
  const entries = [
    timeline(event.id, openedAt, 'opened', signalId ? 'Opened from a signal' : 'Reported directly', { signalId }),
    timeline(event.id, at(3), 'verified', 'verification → confirmed'),
    timeline(event.id, at(6), 'risk-assessed', `Risk ${assessment.risk} (${assessment.likelihood} × ${assessment.consequences}): alert level ${assessment.alertLevel}`),
    ...(await escalate(c, event, assessment.alertLevel, at(6))),
    ...(await ihr(c, event, story, at(8))),
    ...(event.closedAt ? [timeline(event.id, event.closedAt, 'closed', 'No new cases for 28 days')] : []),
  ];
  await eventsRepo.updateEvent(c.tx, event);
  await eventsRepo.addTimeline(c.tx, entries);
  return event;
};

/** The signals detection raised during an outbreak, first week first (area and national series). */
const signalsOf = async (tx: Db, o: Outbreak) => {
  const window = { parties: [o.party], disease: o.disease, from: o.start, to: addDays(o.start, 7 * o.weeks), limit: 500 };
  const area = await signalsRepo.listSignals(tx, { ...window, area: o.area });
  const national = await signalsRepo.listSignals(tx, { ...window, area: 'all' });
  return { first: area.at(-1) ?? null, all: [...area, ...national] };
};

/**
 * The demo's SYNTHETIC events: one per outbreak of the surveillance
 * history (linked to the first signal detection raised for it, if any),
 * with 7-1-7 dates, response actions, bottlenecks and enablers, the risk
 * assessment and alert level, the escalation the pact in force at the time
 * decided (none before the pact took effect in 2023) with its
 * notifications and acknowledgements, and the IHR Annex 2 decision with
 * its notification to WHO. Outbreaks still running stay open, so the
 * pact's alert facts have something to read.
 */
export const eventsSeed: SeedStep = {
  name: 'events-history',
  version: 1,
  description: 'synthetic events with 7-1-7 dates, risk assessments, IHR decisions, escalations and notifications',
  async run(tx, context) {
    const now = context.clock.now();
    const today = now.toISOString().slice(0, 10);
    const versions = (await pactRepo.listVersions(tx, PACT_ID)).map((r) => r.document);
    const lifecycle = pactRepo.toLifecycle(await pactRepo.listEvents(tx, PACT_ID));
    const decideAt: Context['decideAt'] = async (request, at) => {
      const decision = decideInForce(versions, lifecycle, { kind: 'escalation', ...request }, { now: at });
      const id = randomUUID();
      await pactRepo.insertDecision(tx, {
        id,
        at,
        pactId: decision.pactId || null,
        pactVersion: decision.pactVersion || null,
        clauseId: decision.clauseId,
        effect: decision.effect,
        kind: 'escalation',
        request: { kind: 'escalation', ...request },
        obligations: decision.obligations,
        reasons: decision.reasons,
        parties: [request.party],
        actor: SEED,
        purpose: null,
      });
      return { ...decision, id };
    };
    const areaNames = new Map((await regionRepo.listAreas(tx)).map((a) => [a.code, a.name]));
    const c: Context = { tx, now, random: seededRandom('demo/events'), areaNames, decideAt };
    const outbreaks = [...HISTORICAL_OUTBREAKS, ...recentOutbreaks(now)].filter((o) => o.start < today).sort((a, b) => a.start.localeCompare(b.start));
    let linked = 0;
    let open = 0;
    for (const outbreak of outbreaks) {
      const { first: signal, all } = await signalsOf(tx, outbreak);
      const story = eventStory(outbreak, signal ? { weekStart: signal.weekStart, raisedOn: signal.raisedAt.toISOString().slice(0, 10) } : null, today, c.random);
      const event = await writeEvent(c, story, signal?.id ?? null);
      // The focal point attached every alarm of the outbreak, in its area and nationally, to its event.
      for (const s of all) {
        const at = s.raisedAt > event.openedAt ? s.raisedAt : event.openedAt;
        await signalsRepo.triageSignal(tx, s.id, { status: 'promoted', at, by: SEED, note: s.id === signal?.id ? null : 'Part of an open event', eventId: event.id });
      }
      if (signal) linked += 1;
      if (event.status === 'confirmed') open += 1;
    }
    return { events: outbreaks.length, openEvents: open, linkedToSignals: linked, synthetic: true };
  },
};
