import { AppError } from '@concord/core';

// Refusals a receiving node answers (and logs in its refusal table).

export const notReady = (state: string) =>
  new AppError('FEDERATION_NOT_READY', 'This node is still starting; try again shortly.', { status: 503, params: { state } });

export const envelopeInvalid = (why: string) =>
  new AppError('FEDERATION_ENVELOPE_INVALID', `This is not a Concord message (a compact JWS, alg EdDSA, typ concord-message+jws): ${why}.`, {
    status: 400,
    params: { why },
  });

export const schemaInvalid = (problems: string[]) =>
  new AppError('FEDERATION_SCHEMA_INVALID', `The message does not fit its type: ${problems.slice(0, 10).join('; ')}.`, {
    status: 400,
    params: { problems },
  });

export const pactNotInForce = (pactId: string) =>
  new AppError('FEDERATION_PACT_NOT_IN_FORCE', `This node holds no pact ${pactId} in force, so it trusts no sender under it.`, {
    status: 403,
    params: { pactId },
  });

export const unknownSender = (sender: string, pactId: string) =>
  new AppError('FEDERATION_UNKNOWN_SENDER', `${sender} is not a party or the hub of pact ${pactId} with a node key, so nothing it signs is trusted here.`, {
    status: 403,
    params: { sender, pactId },
  });

export const signatureInvalid = (sender: string) =>
  new AppError('FEDERATION_SIGNATURE_INVALID', `The signature does not verify against the key the pact in force lists for ${sender}.`, {
    status: 401,
    params: { sender },
  });

export const wrongRecipient = (recipient: string) =>
  new AppError('FEDERATION_WRONG_RECIPIENT', `This node does not serve ${recipient}; the message was sent to the wrong node.`, {
    status: 421,
    params: { recipient },
  });

export const notPermitted = (input: { reasons: string[]; decisionId?: string | null; clauseId?: string | null }) =>
  new AppError('FEDERATION_NOT_PERMITTED', `No clause of the pact in force permits this message now: ${input.reasons.slice(0, 6).join(' ')}`, {
    status: 403,
    params: { reasons: input.reasons, decisionId: input.decisionId ?? null, clauseId: input.clauseId ?? null },
  });

export const obligationUnmet = (problems: string[], decisionId: string | null) =>
  new AppError('FEDERATION_OBLIGATION_UNMET', `The pact permits this message only in another form: ${problems.join('; ')}.`, {
    status: 403,
    params: { problems, decisionId },
  });

/**
 * Thrown by a handler when the message depends on another that has not
 * arrived yet (messages from different senders may cross): 425 Too Early
 * (RFC 8470's status, used here for "not yet"). The sender keeps the message
 * and retries it alone with backoff; it is not a refusal.
 */
export const notYet = (reason: string, params: Record<string, unknown> = {}) =>
  new AppError('FEDERATION_NOT_YET', `This message cannot be applied yet: ${reason}. It will be delivered again.`, { status: 425, params });

export const isNotYet = (error: unknown) => error instanceof AppError && error.status === 425;

export const idConflict = (id: string) =>
  new AppError('FEDERATION_ID_CONFLICT', `A different message with the id ${id} was already received; ids are never reused.`, {
    status: 409,
    params: { id },
  });

// Refusals of a local send.

export const notHosted = (jurisdiction: string) =>
  new AppError(
    'FEDERATION_NOT_HOSTED',
    `This node cannot speak for ${jurisdiction}: it holds no signing key matching the one the pact in force lists for it.`,
    { status: 409, params: { jurisdiction } },
  );

export const senderRequired = () =>
  new AppError('FEDERATION_SENDER_REQUIRED', 'A system sender must say which jurisdiction it speaks for (`from`).', { status: 400 });

export const notSpeaker = (sender: string, type: string, speakers: string[]) =>
  new AppError('FEDERATION_NOT_SPEAKER', `${sender} cannot send this ${type}: only ${speakers.join(' or ') || 'another party'} may.`, {
    status: 403,
    params: { sender, type, speakers },
  });

export const cannotShape = (reason: string) =>
  new AppError('FEDERATION_CANNOT_SHAPE', `The payload cannot be put in the form the pact requires: ${reason}.`, { status: 400, params: { reason } });

export const refusedBySender = (input: { messageId: string; reasons: string[]; decisionId: string | null; to: string }) =>
  new AppError('FEDERATION_NOT_PERMITTED', `The message to ${input.to} was not sent: ${input.reasons.slice(0, 6).join(' ')}`, {
    status: 403,
    params: input,
  });

export const typeReserved = (type: string, owner: string) =>
  new AppError('FEDERATION_TYPE_RESERVED', `A ${type} message is sent by the ${owner} context as part of its own change, not by hand.`, {
    status: 400,
    params: { type, owner },
  });

export const messageNotFound = (id: string) => new AppError('FEDERATION_MESSAGE_NOT_FOUND', 'No such message.', { status: 404, params: { id } });

// Pact bundles.

export const bundleInvalid = (problems: string[]) =>
  new AppError('FEDERATION_BUNDLE_INVALID', `The pact bundle is refused: ${problems.slice(0, 12).join('; ')}.`, { status: 400, params: { problems } });

export const bundleConflict = (pactId: string, version: number) =>
  new AppError('FEDERATION_BUNDLE_CONFLICT', `This node already holds a different version ${version} of pact ${pactId}.`, {
    status: 409,
    params: { pactId, version },
  });
