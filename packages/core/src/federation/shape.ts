/**
 * Obligations applied to a message before it is signed (aggregate, suppress
 * small cells, drop fields, withhold a part no clause lets cross), and the
 * receiver's check that what arrived was shaped that way.
 */
import { droppedFields, dropFields, suppressionK } from '../governance/obligations.ts';
import type { Decision, Obligation } from '../pact/decision.ts';
import { placeRank, timeRank, type PlaceGranularity, type TimeGranularity } from '../pact/vocabulary.ts';
import { epiWeek, formatWeek } from '../surveillance/epi-week.ts';
import type { AggregateCell, MessageBody, PayloadOf } from './message-types.ts';

type Granularity = { place: Exclude<PlaceGranularity, 'person'>; time: TimeGranularity };

export type Shaped<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The time granularity a period is written in: `2026-03-02` day, `2026-W10` week, `2026-03` month. */
export const periodGranularity = (period: string): TimeGranularity | null =>
  /^\d{4}-\d{2}-\d{2}$/.test(period) && !Number.isNaN(Date.parse(`${period}T00:00:00Z`)) && new Date(`${period}T00:00:00Z`).toISOString().startsWith(period)
    ? 'day'
    : /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(period)
      ? 'week'
      : /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
        ? 'month'
        : null;

const periodTo = (period: string, from: TimeGranularity, to: TimeGranularity): string | null => {
  if (from === to) return period;
  if (from === 'day' && to === 'week') return formatWeek(epiWeek(period, 'iso'));
  if (from === 'day' && to === 'month') return period.slice(0, 7);
  // ISO weeks straddle months, so weekly counts cannot be summed into months.
  return null;
};

const cellKey = (cell: AggregateCell) => JSON.stringify([cell.area ?? null, cell.period, cell.ageBand ?? null, cell.sex ?? null, cell.classification ?? null]);

/**
 * Sums cells up to a coarser granularity. Time: days into ISO weeks or
 * months. Place: any level into the whole country (areas dropped); finer
 * places into admin1 would need an area hierarchy this function does not
 * have, so it refuses. Suppressed (null) counts cannot be summed.
 */
export const aggregateCells = (cells: readonly AggregateCell[], from: Granularity, to: Granularity): Shaped<AggregateCell[]> => {
  const misfit = cells.find((cell) => periodGranularity(cell.period) !== from.time);
  if (misfit) return { ok: false, reason: `period ${misfit.period} is not a ${from.time}, as the submission's granularity says` };
  if (placeRank(to.place) > placeRank(from.place) || timeRank(to.time) > timeRank(from.time)) {
    return { ok: false, reason: `cannot make ${from.place} by ${from.time} counts finer (${to.place} by ${to.time})` };
  }
  if (from.place === to.place && from.time === to.time) return { ok: true, value: cells.map((cell) => ({ ...cell })) };
  if (from.place !== to.place && to.place !== 'country') {
    return { ok: false, reason: `counts by ${from.place} cannot be summed into ${to.place} without the area hierarchy; send them by ${to.place}` };
  }
  const sums = new Map<string, AggregateCell>();
  for (const cell of cells) {
    if (cell.count === null) return { ok: false, reason: 'a suppressed (null) count cannot be aggregated; send the raw counts' };
    const period = periodTo(cell.period, from.time, to.time);
    if (period === null) return { ok: false, reason: `counts by ${from.time} cannot be summed into ${to.time}` };
    const { area, suppressed: _suppressed, ...rest } = cell;
    const next: AggregateCell = { ...rest, ...(to.place === 'country' || area === undefined ? {} : { area }), period };
    const key = cellKey(next);
    const sum = sums.get(key);
    sums.set(key, sum ? { ...sum, count: (sum.count ?? 0) + cell.count } : next);
  }
  return { ok: true, value: [...sums.values()] };
};

/** Primary small-cell suppression: 0 < n < k becomes null, marked suppressed. No totals travel beside the cells. */
export const suppressSmallCells = (cells: readonly AggregateCell[], k: number | null): AggregateCell[] =>
  cells.map((cell) => (k !== null && cell.count !== null && cell.count > 0 && cell.count < k ? { ...cell, count: null, suppressed: true } : { ...cell }));

const aggregateTo = (obligations: readonly Obligation[]): Granularity | null => {
  const found = obligations.find((o): o is Extract<Obligation, { type: 'aggregate-to' }> => o.type === 'aggregate-to');
  return found && found.place !== 'person' ? { place: found.place, time: found.time } : null;
};

const shapeAggregate = (payload: PayloadOf<'aggregate-submission'>, obligations: readonly Obligation[]): Shaped<PayloadOf<'aggregate-submission'>> => {
  const target = aggregateTo(obligations) ?? payload.granularity;
  // Never make the counts finer than they are: the clause's detail is a ceiling.
  const granularity: Granularity = {
    place: placeRank(target.place) < placeRank(payload.granularity.place) ? target.place : payload.granularity.place,
    time: timeRank(target.time) < timeRank(payload.granularity.time) ? target.time : payload.granularity.time,
  };
  const aggregated = aggregateCells(payload.cells, payload.granularity, granularity);
  if (!aggregated.ok) return aggregated;
  const suppressed = suppressSmallCells(aggregated.value, suppressionK(obligations));
  const cells = dropFields(suppressed, obligations) as AggregateCell[];
  return { ok: true, value: { ...payload, granularity, cells } };
};

export interface ShapeDecisions {
  primary: Pick<Decision, 'effect' | 'obligations'>;
  attachment?: Pick<Decision, 'effect' | 'obligations'>;
}

export interface ShapeResult {
  body: MessageBody;
  /** Records held back because no clause let them cross. */
  withheld: number;
}

/**
 * The payload as it may leave: the primary decision's obligations applied
 * to aggregate cells, the attachment's to the person-level part, which is
 * withheld (and counted) when its decision is a deny. The input is untouched.
 */
export const shapeMessage = (body: MessageBody, decisions: ShapeDecisions): Shaped<ShapeResult> => {
  const { attachment } = decisions;
  switch (body.type) {
    case 'aggregate-submission': {
      const shaped = shapeAggregate(body.payload, decisions.primary.obligations);
      return shaped.ok ? { ok: true, value: { body: { type: body.type, payload: shaped.value }, withheld: 0 } } : shaped;
    }
    case 'alert':
    case 'alert-update': {
      const { caseReports, ...rest } = body.payload;
      if (caseReports === undefined || attachment === undefined) return { ok: true, value: { body, withheld: 0 } };
      if (attachment.effect !== 'permit') {
        const withheld = caseReports.length;
        return { ok: true, value: { body: { ...body, payload: { ...rest, caseReportsWithheld: (rest.caseReportsWithheld ?? 0) + withheld } } as MessageBody, withheld } };
      }
      const shaped = dropFields(caseReports, attachment.obligations);
      return { ok: true, value: { body: { ...body, payload: { ...rest, caseReports: shaped } } as MessageBody, withheld: 0 } };
    }
    case 'referral-request': {
      const { patient, ...rest } = body.payload;
      if (patient === undefined || attachment === undefined) return { ok: true, value: { body, withheld: 0 } };
      if (attachment.effect !== 'permit') return { ok: true, value: { body: { type: body.type, payload: { ...rest, patientWithheld: true } }, withheld: 1 } };
      return { ok: true, value: { body: { type: body.type, payload: { ...rest, patient: dropFields([patient], attachment.obligations)[0]! } }, withheld: 0 } };
    }
    default:
      return { ok: true, value: { body, withheld: 0 } };
  }
};

/** The records of the part a data decision governs. */
const partRecords = (body: MessageBody): Record<string, unknown>[] => {
  switch (body.type) {
    case 'aggregate-submission':
      return body.payload.cells;
    case 'alert':
    case 'alert-update':
      return body.payload.caseReports ?? [];
    case 'referral-request':
      return body.payload.patient ? [body.payload.patient] : [];
    default:
      return [];
  }
};

/**
 * What a receiver finds wrong with a payload its own decisions permitted:
 * a count the clause says to suppress, a field it says to drop. Empty when
 * the sender met every obligation.
 */
export const unmetObligations = (body: MessageBody, decisions: ShapeDecisions): string[] => {
  const problems: string[] = [];
  const records = partRecords(body);
  const obligations = [...decisions.primary.obligations, ...(decisions.attachment?.obligations ?? [])];
  const k = suppressionK(decisions.primary.obligations);
  if (body.type === 'aggregate-submission') {
    const misfit = body.payload.cells.filter((cell) => periodGranularity(cell.period) !== body.payload.granularity.time).length;
    if (misfit > 0) problems.push(`${misfit} period(s) are not by ${body.payload.granularity.time}, as the submission's granularity says`);
    const areas = body.payload.cells.filter((cell) => (cell.area !== undefined) !== (body.payload.granularity.place !== 'country')).length;
    if (areas > 0) problems.push(`${areas} cell(s) do not match the place granularity ${body.payload.granularity.place}`);
  }
  if (body.type === 'aggregate-submission' && k !== null) {
    const small = body.payload.cells.filter((cell) => cell.count !== null && cell.count > 0 && cell.count < k).length;
    if (small > 0) problems.push(`${small} count(s) below the minimum cell size ${k} were not suppressed`);
  }
  const dropped = droppedFields(obligations);
  const present = [...new Set(records.flatMap((record) => Object.keys(record)).filter((field) => dropped.has(field)))];
  if (present.length > 0) problems.push(`field(s) ${present.sort().join(', ')} should have been dropped`);
  return problems;
};
