import { AppError, formatDiagnostic, type Diagnostic } from '@concord/core';

export const pactInvalid = (diagnostics: readonly Diagnostic[]) =>
  new AppError('PACT_INVALID', `The pact has ${diagnostics.length} problem(s):\n${diagnostics.map(formatDiagnostic).join('\n')}`, {
    status: 400,
    params: { diagnostics },
  });

export const pactNotFound = (id: string) => new AppError('PACT_NOT_FOUND', `There is no pact ${id}.`, { status: 404, params: { id } });

export const versionNotFound = (id: string, version: number) =>
  new AppError('PACT_VERSION_NOT_FOUND', `Pact ${id} has no version ${version}.`, { status: 404, params: { id, version } });

export const pactExists = (id: string) =>
  new AppError('PACT_EXISTS', `A pact ${id} already exists; amend it with a new version instead.`, { status: 409, params: { id } });

export const idMismatch = (expected: string, got: string) =>
  new AppError('PACT_ID_MISMATCH', `This document is pact ${got}, not ${expected}.`, { status: 400, params: { expected, got } });

export const versionOutOfOrder = (expected: number, got: number) =>
  new AppError('PACT_VERSION_OUT_OF_ORDER', `The next version must be ${expected} (the document says ${got}).`, {
    status: 409,
    params: { expected, got },
  });

export const amendsMismatch = (expected: number, got: number | undefined) =>
  new AppError('PACT_AMENDS_MISMATCH', `An amendment must say \`amends: ${expected}\` (it says ${got ?? 'nothing'}).`, {
    status: 400,
    params: { expected, got: got ?? null },
  });

export const signatureInvalid = (party: string) =>
  new AppError('PACT_SIGNATURE_INVALID', `The signature does not verify against ${party}'s public key for this exact version.`, {
    status: 400,
    params: { party },
  });

export const notAParty = (party: string) =>
  new AppError('PACT_NOT_A_PARTY', `${party} is not a party to this pact.`, { status: 400, params: { party } });

export const alreadySigned = (party: string, version: number) =>
  new AppError('PACT_ALREADY_SIGNED', `${party} has already signed version ${version}.`, { status: 409, params: { party, version } });

export const noPublicKey = (party: string) =>
  new AppError('PACT_NO_PUBLIC_KEY', `The pact lists no public key for ${party}, so its signature cannot be checked.`, {
    status: 400,
    params: { party },
  });

export const wrongState = (action: string, state: string) =>
  new AppError('PACT_WRONG_STATE', `Cannot ${action} a pact that is ${state}.`, { status: 409, params: { action, state } });

export const renewalNotLater = (sunset: string, current: string) =>
  new AppError('PACT_RENEWAL_NOT_LATER', `A renewal must move the sunset later than ${current} (asked: ${sunset}).`, {
    status: 400,
    params: { sunset, current },
  });
