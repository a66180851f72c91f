import { AppError } from '@concord/core';

export const deniedByPact = (input: { dataset: string; owner: string; purpose: string; decisionId: string | null; reasons: string[] }) =>
  new AppError(
    'ACCESS_DENIED_BY_PACT',
    `No clause of the pact in force lets you ${input.purpose === '' ? 'access' : `use for ${input.purpose}`} ${input.dataset} of ${input.owner}.`,
    { status: 403, params: input },
  );

export const unknownDataset = (dataset: string) =>
  new AppError('GOVERNANCE_UNKNOWN_DATASET', `There is no dataset ${dataset}.`, { status: 400, params: { dataset } });

export const purposeRequired = () =>
  new AppError('GOVERNANCE_PURPOSE_REQUIRED', 'Say why you need these data: give a purpose (e.g. surveillance, outbreak-response).', { status: 400 });

export const breachNotFound = (id: string) => new AppError('GOVERNANCE_BREACH_NOT_FOUND', 'No such breach.', { status: 404, params: { id } });

export const breachWrongStep = (step: string, status: string) =>
  new AppError('GOVERNANCE_BREACH_WRONG_STEP', `A breach that is ${status} cannot be ${step} now.`, { status: 409, params: { step, status } });

export const breachDelayReasonRequired = (hoursLate: number) =>
  new AppError(
    'GOVERNANCE_BREACH_DELAY_REASON_REQUIRED',
    `The notification comes ${hoursLate} hours after the 72-hour deadline; GDPR Art. 33(1) requires the reasons for the delay.`,
    { status: 400, params: { hoursLate } },
  );

export const breachContentMissing = (items: string[]) =>
  new AppError('GOVERNANCE_BREACH_CONTENT_MISSING', `The notification lacks the minimum content of Art. 33(3): ${items.join(', ')}.`, {
    status: 400,
    params: { items },
  });

export const breachNotClosable = (why: string) =>
  new AppError('GOVERNANCE_BREACH_NOT_CLOSABLE', `The breach cannot be closed yet: ${why}.`, { status: 409, params: { why } });

export const breachTimeInvalid = (field: string) =>
  new AppError('GOVERNANCE_BREACH_TIME_INVALID', `${field} cannot be in the future or before the breach was known.`, { status: 400, params: { field } });

export const consentInvalid = (problems: string[]) =>
  new AppError('GOVERNANCE_CONSENT_INVALID', `The Consent resource is not usable: ${problems.join('; ')}.`, { status: 400, params: { problems } });

export const consentNotFound = (id: string) => new AppError('GOVERNANCE_CONSENT_NOT_FOUND', 'No such consent.', { status: 404, params: { id } });

export const rotationRunning = () =>
  new AppError('GOVERNANCE_KEY_ROTATION_RUNNING', 'A key rotation is already re-encrypting data; wait for it to finish.', { status: 409 });

export const breachAlertNotFound = (id: string) =>
  new AppError('GOVERNANCE_BREACH_ALERT_NOT_FOUND', 'No such breach alert addressed to you.', { status: 404, params: { id } });

export const breachAlertAcknowledged = (id: string, at: Date) =>
  new AppError('GOVERNANCE_BREACH_ALERT_ACKNOWLEDGED', `The alert was already acknowledged at ${at.toISOString()}.`, {
    status: 409,
    params: { id, acknowledgedAt: at.toISOString() },
  });
