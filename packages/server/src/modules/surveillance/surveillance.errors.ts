import { AppError } from '@concord/core';

/** One problem of one record in a batch: its position (`index` in a JSON batch, `line` in a CSV file) and field. */
export interface RecordError {
  index?: number;
  line?: number;
  field: string;
  code: string;
  message: string;
}

/** Errors beyond this many are counted, not listed, so a broken file cannot make a huge answer. */
export const MAX_LISTED_ERRORS = 1_000;

export const batchRejected = (errors: readonly RecordError[], total: number, received: number) =>
  new AppError(
    'SURV_BATCH_REJECTED',
    `${total} problem(s) in ${received} record(s); nothing was stored. First: ${describe(errors[0])}`,
    { status: 422, params: { errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount: total, received } },
  );

const describe = (error: RecordError | undefined): string => {
  if (!error) return 'none';
  const where = error.line !== undefined ? `line ${error.line}` : error.index !== undefined ? `record ${error.index}` : 'record';
  return `${where}, ${error.field}: ${error.code} ${error.message}`;
};

export const emptyBatch = () => new AppError('SURV_BATCH_EMPTY', 'The batch holds no records.', { status: 400 });

export const batchTooLarge = (max: number, given: number) =>
  new AppError('SURV_BATCH_TOO_LARGE', `A JSON batch holds at most ${max} records (got ${given}); send a CSV file for more.`, {
    status: 413,
    params: { max, given },
  });

export const fileTooLarge = (maxBytes: number) =>
  new AppError('SURV_CSV_TOO_LARGE', `A CSV upload holds at most ${Math.round(maxBytes / 1_048_576)} MB; split the file.`, {
    status: 413,
    params: { maxBytes },
  });

export const csvExpected = () =>
  new AppError('SURV_CSV_EXPECTED', 'Send the line list with Content-Type text/csv.', { status: 415 });

export const csvUnreadable = (message: string, line: number | null) =>
  new AppError('SURV_CSV_UNREADABLE', `The CSV cannot be read${line === null ? '' : ` at line ${line}`}: ${message}`, {
    status: 400,
    params: { line },
  });

export const signalNotFound = (id: string) => new AppError('SURV_SIGNAL_NOT_FOUND', 'No such signal.', { status: 404, params: { id } });

export const signalAlreadyTriaged = (id: string, status: string) =>
  new AppError('SURV_SIGNAL_ALREADY_TRIAGED', `The signal was already triaged (${status}).`, { status: 409, params: { id, status } });

export const dhis2MappingMissing = (jurisdiction: string) =>
  new AppError('SURV_DHIS2_MAPPING_MISSING', `${jurisdiction} has no DHIS2 mapping yet: PUT one to /api/v1/surveillance/dhis2/mapping first.`, {
    status: 409,
    params: { jurisdiction },
  });

export const dhis2MappingForeignOrgUnit = (orgUnits: string[], jurisdiction: string) =>
  new AppError('SURV_DHIS2_MAPPING_OUT_OF_SCOPE', `Org units must map to areas of ${jurisdiction}: ${orgUnits.join(', ')} do not.`, {
    status: 400,
    params: { orgUnits, jurisdiction },
  });

export const fhirRejected = (outcome: unknown, errorCount: number) =>
  new AppError('SURV_FHIR_REJECTED', `The MeasureReport has ${errorCount} problem(s); nothing was stored.`, {
    status: 422,
    params: { operationOutcome: outcome },
  });

export const partyRequired = () =>
  new AppError('SURV_PARTY_REQUIRED', 'Name the party (party=XX): only your own jurisdiction is assumed.', { status: 400 });

export const periodTooFine = (period: string, weeks: string) =>
  new AppError('SURV_QUERY_INVALID', `weeks=${weeks} only applies to weekly periods, not ${period}.`, { status: 400, params: { period, weeks } });

export const reportedByDay = () =>
  new AppError('SURV_QUERY_INVALID', 'Reported counts are kept by their reporting period; ask for period=week.', { status: 400 });

/**
 * Reported counts are kept at the period they were reported for: a total
 * over Monday–Sunday cannot be split into the Sunday–Saturday weeks of MMWR.
 */
export const weeksNotRegroupable = (party: string) =>
  new AppError(
    'SURV_WEEKS_NOT_REGROUPABLE',
    `${party} reported these counts by ISO week (Monday to Sunday); a weekly total cannot be split into MMWR weeks (Sunday to Saturday). Ask for weeks=iso, or for source=cases (the line list is counted by day).`,
    { status: 400, params: { party, weeks: 'mmwr' } },
  );

export const breakdownTooDetailed = (by: readonly string[], max: number) =>
  new AppError(
    'SURV_BREAKDOWN_TOO_DETAILED',
    `Under the pact's minimum cell size an answer breaks counts down by at most ${max} of area, ageBand, sex and classification (an area filter counts as a breakdown by area); asked: ${by.join(', ')}. Suppression protects a two-way table against its totals, not a wider table against all of its margins.`,
    { status: 400, params: { by, max } },
  );

export const publicWindowInvalid = (from: string, to: string, maxWeeks: number) =>
  new AppError('SURV_QUERY_INVALID', `The public counts cover from ${from} to ${to}: from must not be after to, and the span at most ${maxWeeks} weeks.`, {
    status: 400,
    params: { from, to, maxWeeks },
  });
