import { randomUUID } from 'node:crypto';
import { AppError, type DecisionContext, type Obligation, type PactRequest } from '@concord/core';
import { ENVELOPE_VERSION, escalationAudience, parsePayload, planMessage, shapeMessage, unmetObligations, type Envelope, type MessageBody, type MessageType, type PlannedRequest } from '@concord/core/federation/index';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { AccessGrant, DataAccess } from '../governance/index.ts';
import type { PactService } from '../pact/pact.service.ts';
import { signEnvelope } from './envelope-jws.ts';
import * as errors from './federation.errors.ts';
import * as repo from './federation.repo.ts';
import type { Identity } from './identity.ts';

export interface OutboundMessage {
  type: MessageType;
  to: string;
  payload: unknown;
  /** The jurisdiction the message speaks for; a user's own, or given by a system actor. */
  from?: string;
}

export interface SendResult {
  id: string;
  status: 'pending' | 'refused';
  from: string;
  to: string;
  type: MessageType;
  clauseId: string | null;
  decisionIds: string[];
  reasons: string[];
  /** Person-level records held back because no clause let them cross. */
  withheld: number;
}

/** One decision, whichever door it came through (the access service for data, the pact for the rest). */
interface Verdict {
  effect: 'permit' | 'deny';
  decisionId: string | null;
  pactId: string;
  pactVersion: number;
  clauseId: string | null;
  obligations: Obligation[];
  reasons: string[];
  grant?: AccessGrant;
}

export interface OutboundDeps {
  clock: Clock;
  pact: PactService;
  access: DataAccess;
  audit: AuditLog;
  identity: Identity;
  /** Called after a message is queued, so delivery starts without waiting for the next tick. */
  queued: () => void;
}

/** A person speaks for their own jurisdiction; a system actor (another context's job) names the one it acts for. */
const senderOf = (actor: Actor, from: string | undefined): string => {
  if (actor.kind === 'user') {
    if (from !== undefined && from !== actor.jurisdiction) throw outOfScope(from);
    return actor.jurisdiction;
  }
  const sender = from ?? actor.jurisdiction;
  if (!sender) throw errors.senderRequired();
  return sender;
};

const roleOf = (actor: Actor): string | undefined => (actor.kind === 'user' ? actor.roles[0] : undefined);

export const createOutbound = (deps: OutboundDeps) => {
  const { clock, pact, access, audit, identity } = deps;

  const decideData = async (tx: Db, actor: Actor, request: Extract<PactRequest, { kind: 'data' }>, context: Partial<DecisionContext>): Promise<Verdict> => {
    try {
      const grant = await access.authorize(
        actor,
        { dataset: request.dataset, owner: request.from, purpose: request.purpose, action: 'send', recipient: request.to, ...(request.disease ? { disease: request.disease } : {}) },
        { tx, context },
      );
      return { effect: 'permit', decisionId: grant.decisionId, pactId: grant.pactId ?? '', pactVersion: grant.pactVersion ?? 0, clauseId: grant.clauseId, obligations: grant.obligations, reasons: [], grant };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ACCESS_DENIED_BY_PACT') throw error;
      const params = error.params as { decisionId: string | null; reasons: string[] };
      return { effect: 'deny', decisionId: params.decisionId, pactId: '', pactVersion: 0, clauseId: null, obligations: [], reasons: params.reasons };
    }
  };

  const decideOne = async (tx: Db, actor: Actor, planned: PlannedRequest, context: Partial<DecisionContext>): Promise<Verdict> => {
    if (planned.request.kind === 'data') return decideData(tx, actor, planned.request, context);
    const decision = await pact.decide(actor, planned.request, { tx, context });
    return { ...decision, decisionId: decision.id };
  };

  const refuse = async (tx: Db, actor: Actor, input: { id: string; body: MessageBody; from: string; to: string; verdicts: Verdict[]; reasons: string[] }) => {
    const now = clock.now();
    const decisionIds = input.verdicts.flatMap((v) => (v.decisionId ? [v.decisionId] : []));
    await repo.insertOutbox(tx, {
      id: input.id,
      type: input.body.type,
      sender: input.from,
      recipient: input.to,
      status: 'refused',
      pactId: input.verdicts[0]?.pactId || null,
      pactVersion: input.verdicts[0]?.pactVersion || null,
      clauseId: null,
      decisionIds,
      reasons: input.reasons,
      withheld: 0,
      // What was asked, not the data: a refused payload is not kept a second time.
      envelope: { type: input.body.type, from: input.from, to: input.to },
      jws: null,
      actor: actorLabel(actor),
      createdAt: now,
      nextAttemptAt: null,
    });
    await audit.append(tx, actor, {
      action: 'federation.send-refused',
      entityType: 'federation-message',
      entityId: input.id,
      jurisdiction: input.from,
      details: { type: input.body.type, to: input.to, decisionIds, reasons: input.reasons.slice(0, 10) },
    });
    return { id: input.id, status: 'refused' as const, from: input.from, to: input.to, type: input.body.type, clauseId: null, decisionIds, reasons: input.reasons, withheld: 0 };
  };

  /** Consent filter and access log for a person-level part that may cross; returns the part as delivered. */
  const deliverPart = async (tx: Db, actor: Actor, grant: AccessGrant, body: MessageBody): Promise<{ body: MessageBody; withheld: number }> => {
    if ((body.type === 'alert' || body.type === 'alert-update') && body.payload.caseReports) {
      const reports = body.payload.caseReports;
      const delivered = await access.deliver(tx, actor, grant, reports, { subjectOf: (r) => String(r.clientId ?? '') });
      const withheld = delivered.withheld;
      const payload = { ...body.payload, caseReports: delivered.records, ...(withheld ? { caseReportsWithheld: (body.payload.caseReportsWithheld ?? 0) + withheld } : {}) };
      return { body: { ...body, payload } as MessageBody, withheld };
    }
    if (body.type === 'referral-request' && body.payload.patient) {
      const delivered = await access.deliver(tx, actor, grant, [body.payload.patient], { subjectOf: () => body.payload.referralId });
      if (delivered.records.length === 1) return { body: { ...body, payload: { ...body.payload, patient: delivered.records[0]! } }, withheld: 0 };
      const { patient: _held, ...rest } = body.payload;
      return { body: { type: body.type, payload: { ...rest, patientWithheld: true } }, withheld: 1 };
    }
    return { body, withheld: 0 };
  };

  /**
   * Queues a message in the caller's transaction, after deciding it there:
   * a permit writes a signed, sendable outbox row whose payload the
   * obligations have shaped; a deny writes a refused row with the decision
   * and reasons, which is never signed or sent. Bad input throws (4xx) and
   * writes nothing.
   */
  const send = async (tx: Db, actor: Actor, message: OutboundMessage): Promise<SendResult> => {
    const from = senderOf(actor, message.from);
    const parsed = parsePayload(message.type, message.payload);
    if (!parsed.ok) throw errors.schemaInvalid(parsed.problems);
    const id = randomUUID();
    const now = clock.now();
    const held = (await pact.inForce(now, tx)).find(({ pact: p }) => identity.isHosted(p, from));
    if (!held) throw errors.notHosted(from);
    const role = roleOf(actor);
    const plan = planMessage({ body: parsed.body, from, to: message.to, hub: held.pact.hub.code, ...(role ? { role } : {}), side: 'send' });
    if (!plan.speakers.includes(from)) throw errors.notSpeaker(from, message.type, plan.speakers);

    const primary = await decideOne(tx, actor, plan.primary, plan.context);
    if (primary.effect !== 'permit') return refuse(tx, actor, { id, body: parsed.body, from, to: message.to, verdicts: [primary], reasons: primary.reasons });
    if (plan.audience && !escalationAudience(primary.obligations).includes(message.to)) {
      const reasons = [`FEDERATION_NOT_IN_AUDIENCE: at this alert level the playbook (clause \`${primary.clauseId}\`) involves ${escalationAudience(primary.obligations).join(', ')}, not ${message.to}`];
      return refuse(tx, actor, { id, body: parsed.body, from, to: message.to, verdicts: [primary], reasons });
    }
    const attachment = plan.attachment ? await decideOne(tx, actor, plan.attachment, plan.context) : undefined;
    const shaped = shapeMessage(parsed.body, { primary, ...(attachment ? { attachment } : {}) });
    if (!shaped.ok) throw errors.cannotShape(shaped.reason);
    let { body, withheld } = shaped.value;
    if (attachment?.effect === 'permit' && attachment.grant) {
      const part = await deliverPart(tx, actor, attachment.grant, body);
      body = part.body;
      withheld += part.withheld;
    }
    // The sender checks its own work the way the receiver will.
    const unmet = unmetObligations(body, { primary, ...(attachment ? { attachment } : {}) });
    if (unmet.length > 0) throw errors.schemaInvalid(unmet);
    if (primary.grant && body.type === 'aggregate-submission') {
      await access.record(tx, actor, primary.grant, { records: body.payload.cells.length, fields: Object.keys(body.payload.cells[0] ?? {}) });
    }

    const envelope: Envelope = {
      v: ENVELOPE_VERSION,
      id,
      type: body.type,
      from,
      to: message.to,
      pactId: primary.pactId,
      pactVersion: primary.pactVersion,
      clauseId: primary.clauseId!,
      ...(attachment?.effect === 'permit' && attachment.clauseId ? { attachmentClauseId: attachment.clauseId } : {}),
      decisionId: primary.decisionId!,
      ...(role ? { role } : {}),
      createdAt: now.toISOString(),
      payload: body.payload as Record<string, unknown>,
    };
    const jws = await signEnvelope(envelope, identity.signingKey(from));
    const decisionIds = [primary, attachment].flatMap((v) => (v?.decisionId ? [v.decisionId] : []));
    const reasons = [...primary.reasons, ...(attachment && attachment.effect !== 'permit' ? [`FEDERATION_PART_WITHHELD: ${attachment.reasons[0] ?? 'no clause lets it cross'}`] : [])];
    await repo.insertOutbox(tx, {
      id,
      type: body.type,
      sender: from,
      recipient: message.to,
      status: 'pending',
      pactId: envelope.pactId,
      pactVersion: envelope.pactVersion,
      clauseId: envelope.clauseId,
      decisionIds,
      reasons,
      withheld,
      envelope,
      jws,
      actor: actorLabel(actor),
      createdAt: now,
      nextAttemptAt: now,
    });
    await audit.append(tx, actor, {
      action: 'federation.queued',
      entityType: 'federation-message',
      entityId: id,
      jurisdiction: from,
      details: { type: body.type, to: message.to, clauseId: envelope.clauseId, pactVersion: envelope.pactVersion, withheld },
    });
    deps.queued();
    return { id, status: 'pending', from, to: message.to, type: body.type, clauseId: envelope.clauseId, decisionIds, reasons, withheld };
  };

  return { send };
};

export type Outbound = ReturnType<typeof createOutbound>;
