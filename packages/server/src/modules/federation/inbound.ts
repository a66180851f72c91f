import { randomUUID } from 'node:crypto';
import { AppError, retainUntil, type PactRequest } from '@concord/core';
import { envelopeSchema, escalationAudience, MESSAGE_JWS_TYPE, parsePayload, planMessage, unmetObligations, type Envelope } from '@concord/core/federation/index';
import { systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { PactService, StoredDecision } from '../pact/pact.service.ts';
import { JWS_ALG, jwsDigest, readUnverified, verifyWithPinnedKey } from './envelope-jws.ts';
import * as errors from './federation.errors.ts';
import * as repo from './federation.repo.ts';
import type { HandlerRegistry } from './handlers.ts';
import { memberOf, type Identity } from './identity.ts';

export interface ReceiveResult {
  id: string;
  status: 'accepted' | 'duplicate';
}

export interface InboundDeps {
  db: Db;
  clock: Clock;
  pact: PactService;
  audit: AuditLog;
  identity: Identity;
  handlers: HandlerRegistry;
}

/** What the refusal log knows of a message: only what it claimed, and its digest. */
interface Claimed {
  messageId?: string | null;
  type?: string | null;
  sender?: string | null;
  recipient?: string | null;
}

const claimedOf = (value: unknown): Claimed => {
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).slice(0, 120) : null);
  return { messageId: text('id'), type: text('type'), sender: text('from'), recipient: text('to') };
};

export const createInbound = (deps: InboundDeps) => {
  const { db, clock, pact, audit, identity, handlers } = deps;
  const actor = systemActor('federation');

  const logRefusal = async (q: Db, error: AppError, digest: string, claimed: Claimed, remote: string) => {
    const decisionId = typeof error.params.decisionId === 'string' ? error.params.decisionId : null;
    const id = randomUUID();
    await repo.insertRefusal(q, {
      id,
      at: clock.now(),
      code: error.code,
      reason: error.message.slice(0, 2000),
      messageId: claimed.messageId ?? null,
      type: claimed.type ?? null,
      sender: claimed.sender ?? null,
      recipient: claimed.recipient ?? null,
      decisionId,
      jwsSha256: digest,
      remote,
    });
    await audit.append(q, { ...actor, jurisdiction: claimed.recipient ?? undefined }, {
      action: 'federation.refused',
      entityType: 'federation-message',
      entityId: claimed.messageId ?? id,
      jurisdiction: claimed.recipient ?? null,
      details: { code: error.code, from: claimed.sender ?? null, type: claimed.type ?? null, decisionId },
    });
  };

  /** Every check that needs no database write: structure, pact, pinned key, signature, recipient, payload. */
  const authenticate = async (jws: string) => {
    const unverified = readUnverified(jws);
    if (!unverified) throw errors.envelopeInvalid('not a compact JWS');
    const claimed = claimedOf(unverified.claimed);
    const fail = (error: AppError) => Object.assign(error, { claimed });
    if (unverified.header.alg !== JWS_ALG || unverified.header.typ !== MESSAGE_JWS_TYPE) {
      throw fail(errors.envelopeInvalid(`header alg ${String(unverified.header.alg)}, typ ${String(unverified.header.typ)}`));
    }
    const shape = envelopeSchema.safeParse(unverified.claimed);
    if (!shape.success) throw fail(errors.schemaInvalid(shape.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`)));
    const claimedEnvelope = shape.data as Envelope;
    const held = (await pact.inForce(clock.now())).find(({ pact: p }) => p.id === claimedEnvelope.pactId);
    if (!held) throw fail(errors.pactNotInForce(claimedEnvelope.pactId));
    const pinned = memberOf(held.pact, claimedEnvelope.from)?.publicKey;
    if (!pinned) throw fail(errors.unknownSender(claimedEnvelope.from, held.pact.id));
    // The key is the pact's, chosen by the claimed sender; the message's own kid is only a hint.
    const verified = await verifyWithPinnedKey(jws, pinned);
    if (verified === null || unverified.header.kid !== claimedEnvelope.from) throw fail(errors.signatureInvalid(claimedEnvelope.from));
    const envelope = envelopeSchema.parse(verified) as Envelope;
    if (!identity.isHosted(held.pact, envelope.to)) throw fail(errors.wrongRecipient(envelope.to));
    const payload = parsePayload(envelope.type, envelope.payload);
    if (!payload.ok) throw fail(errors.schemaInvalid(payload.problems));
    return { envelope, body: payload.body, pact: held.pact, claimed };
  };

  const decideHere = (tx: Db, request: PactRequest, clauseId: string | undefined, context: object) =>
    pact.decide(actor, { ...request, ...(clauseId ? { clauseId } : {}) } as PactRequest, { tx, context });

  /**
   * Re-decides the message under this node's pact now (the clause the
   * envelope names), checks the sender met the obligations, then stores it
   * and applies its handlers — all in one transaction. A message id seen
   * before is answered as a duplicate and applied no second time.
   */
  const admit = (input: Awaited<ReturnType<typeof authenticate>>, jws: string, digest: string, remote: string) =>
    db.transaction(async (tx): Promise<ReceiveResult | AppError> => {
      const { envelope, body } = input;
      const plan = planMessage({ body, from: envelope.from, to: envelope.to, hub: input.pact.hub.code, ...(envelope.role ? { role: envelope.role } : {}), side: 'receive' });
      const refuse = async (error: AppError) => {
        await logRefusal(tx, error, digest, input.claimed, remote);
        return error;
      };
      if (!plan.speakers.includes(envelope.from)) return refuse(errors.notPermitted({ reasons: [`FEDERATION_NOT_SPEAKER: ${envelope.from} cannot send this ${body.type}`] }));
      const primary: StoredDecision = await decideHere(tx, plan.primary.request, envelope.clauseId, plan.context);
      if (primary.effect !== 'permit') return refuse(errors.notPermitted({ reasons: primary.reasons, decisionId: primary.id }));
      if (plan.audience && !escalationAudience(primary.obligations).includes(envelope.to)) {
        return refuse(errors.notPermitted({ reasons: [`FEDERATION_NOT_IN_AUDIENCE: the playbook at this level does not involve ${envelope.to}`], decisionId: primary.id }));
      }
      const attachment = plan.attachment ? await decideHere(tx, plan.attachment.request, envelope.attachmentClauseId, plan.context) : undefined;
      if (attachment && attachment.effect !== 'permit') return refuse(errors.notPermitted({ reasons: attachment.reasons, decisionId: attachment.id }));
      const unmet = unmetObligations(body, { primary, ...(attachment ? { attachment } : {}) });
      if (unmet.length > 0) return refuse(errors.obligationUnmet(unmet, primary.id));

      const receivedAt = clock.now();
      const decisionIds = [primary.id, attachment?.id].filter((id): id is string => typeof id === 'string');
      const keepUntil = retainUntil([...primary.obligations, ...(attachment?.obligations ?? [])]);
      const fresh = await repo.insertInbox(tx, {
        id: envelope.id,
        type: envelope.type,
        sender: envelope.from,
        recipient: envelope.to,
        pactId: envelope.pactId,
        pactVersion: envelope.pactVersion,
        clauseId: envelope.clauseId,
        senderDecisionId: envelope.decisionId,
        decisionIds,
        jwsSha256: digest,
        jws,
        envelope: envelope as unknown as Record<string, unknown>,
        createdAt: new Date(envelope.createdAt),
        receivedAt,
        retainUntil: keepUntil,
      });
      if (!fresh) return { id: envelope.id, status: 'duplicate' };
      const decision = { id: primary.id!, pactId: primary.pactId, pactVersion: primary.pactVersion, clauseId: primary.clauseId!, obligations: primary.obligations };
      await handlers.apply(tx, { envelope, body, retainUntil: keepUntil, receivedAt, decisionIds, decision });
      await audit.append(tx, { ...actor, jurisdiction: envelope.to }, {
        action: 'federation.received',
        entityType: 'federation-message',
        entityId: envelope.id,
        jurisdiction: envelope.to,
        details: { type: envelope.type, from: envelope.from, clauseId: envelope.clauseId, pactVersion: envelope.pactVersion, decisionIds },
      });
      return { id: envelope.id, status: 'accepted' };
    });

  /** Receives one compact JWS; throws the refusal (an AppError with its code) after logging it. */
  const receive = async (jws: string, meta: { remote: string }): Promise<ReceiveResult> => {
    const digest = jwsDigest(jws);
    let input: Awaited<ReturnType<typeof authenticate>>;
    try {
      input = await authenticate(jws);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await db.transaction((tx) => logRefusal(tx, error, digest, (error as AppError & { claimed?: Claimed }).claimed ?? {}, meta.remote));
      throw error;
    }
    // A redelivery of what is already stored costs no new decision.
    const known = await repo.inboxDigest(db, input.envelope.id);
    if (known === digest) return { id: input.envelope.id, status: 'duplicate' };
    if (known !== undefined) {
      const error = errors.idConflict(input.envelope.id);
      await db.transaction((tx) => logRefusal(tx, error, digest, input.claimed, meta.remote));
      throw error;
    }
    let result: ReceiveResult | AppError;
    try {
      result = await admit(input, jws, digest, meta.remote);
    } catch (error) {
      // A handler that refuses (a 4xx of its own) rolled the message back; the refusal is still logged.
      // "Not yet" is no refusal: the sender delivers the message again later.
      if (error instanceof AppError && error.status < 500 && !errors.isNotYet(error)) await db.transaction((tx) => logRefusal(tx, error, digest, input.claimed, meta.remote));
      throw error;
    }
    if (result instanceof AppError) throw result;
    return result;
  };

  return { receive };
};

export type Inbound = ReturnType<typeof createInbound>;
