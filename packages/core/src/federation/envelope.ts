/**
 * The envelope every federation message travels in: who sends it to whom,
 * under which pact version and clause, and the payload. The envelope is the
 * payload of a JWS (RFC 7515) signed with the sender's Ed25519 key (RFC 8037,
 * alg EdDSA); the receiver checks it against the key the pact in force lists
 * for `from`, never against a key the message brings.
 */
import { z } from 'zod';
import { slug } from '../pact/clauses.ts';
import { jurisdictionCode, MESSAGE_TYPES, type MessageType } from './message-types.ts';

/** The JWS `typ` header of a Concord message (RFC 7515 §4.1.9). */
export const MESSAGE_JWS_TYPE = 'concord-message+jws';
/** The envelope format version; a receiver refuses versions it does not know. */
export const ENVELOPE_VERSION = 1;

export const envelopeSchema = z.strictObject({
  v: z.literal(ENVELOPE_VERSION),
  id: z.uuid(),
  type: z.enum(MESSAGE_TYPES),
  from: jurisdictionCode,
  to: jurisdictionCode,
  pactId: slug,
  pactVersion: z.number().int().min(1),
  /** The clause that permits the message (a receiver decides under this clause only). */
  clauseId: slug,
  /** The data-sharing clause that let a person-level part (line list, patient) cross, when there is one. */
  attachmentClauseId: slug.optional(),
  /** The sending node's own decision, for tracing one message across both nodes' decision logs. */
  decisionId: z.uuid(),
  /** The role of the person who caused the send, vouched for by the sending node (clauses may name roles). */
  role: z.string().min(1).max(60).optional(),
  createdAt: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof envelopeSchema> & { type: MessageType };
