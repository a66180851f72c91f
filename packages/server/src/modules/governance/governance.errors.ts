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
