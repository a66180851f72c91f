/**
 * 7-1-7 timeliness of one event (7-1-7 Alliance / Resolve to Save Lives
 * toolkit; Frieden et al., Lancet 2021): every suspected outbreak detected
 * within 7 days of emergence, notified to the public health authority
 * responsible for action within 1 day of detection, and its early response
 * completed within 7 days of notification.
 *
 * Intervals are whole calendar days between dates. A date not known yet
 * leaves its interval (and the next one) "pending": not computable, neither
 * met nor missed. The response is complete on the latest completion date
 * among the applicable early response actions, so it stays pending while
 * any applicable action is open or any action has not been judged
 * applicable or not.
 */
import { AppError } from '../errors.ts';
import { daysBetween, isCalendarDate } from '../surveillance/calendar-date.ts';

/** The seven early response actions of the toolkit. */
export const EARLY_RESPONSE_ACTIONS = [
  { id: 'investigation', label: 'Initiate an investigation or deploy an investigation/response team' },
  { id: 'epi-analysis', label: 'Epidemiological analysis of burden, severity and risk factors, and an initial risk assessment' },
  { id: 'lab-confirmation', label: 'Laboratory confirmation of the outbreak aetiology' },
  { id: 'case-management-ipc', label: 'Appropriate case management and infection prevention and control in health facilities' },
  { id: 'community-countermeasures', label: 'Appropriate public health countermeasures in affected communities' },
  { id: 'risk-communication', label: 'Appropriate risk communication and community engagement' },
  { id: 'coordination', label: 'A coordination mechanism established' },
] as const;

export type EarlyResponseAction = (typeof EARLY_RESPONSE_ACTIONS)[number]['id'];
export type Interval = 'detection' | 'notification' | 'response';
export type CauseCategory = 'technical' | 'operational' | 'political';
export type TargetStatus = 'met' | 'not-met' | 'pending';

export const TARGET_DAYS: Record<Interval, number> = { detection: 7, notification: 1, response: 7 };

export interface ResponseActionRecord {
  action: EarlyResponseAction;
  applicable: boolean;
  /** `YYYY-MM-DD`; ignored when the action is not applicable. */
  completedOn?: string;
}

/** A bottleneck or an enabler: specific, with its root cause, about the system and not a person. */
export interface TimelinessFactor {
  interval: Interval;
  category: CauseCategory;
  description: string;
  rootCause: string;
}

export interface TimelinessEvent {
  id: string;
  party: string;
  emergenceDate?: string;
  detectionDate?: string;
  notificationDate?: string;
  responseActions: readonly ResponseActionRecord[];
  bottlenecks?: readonly TimelinessFactor[];
  enablers?: readonly TimelinessFactor[];
}

export interface IntervalResult {
  interval: Interval;
  target: number;
  days: number | null;
  status: TargetStatus;
  /** Why a pending interval cannot be computed yet. */
  pendingReason?: string;
}

export interface SevenOneSevenResult {
  eventId: string;
  party: string;
  detect: IntervalResult;
  notify: IntervalResult;
  respond: IntervalResult;
  /** Latest completion among applicable actions, once all are complete. */
  responseCompletionDate: string | null;
  /** First completed applicable action: a diagnostic (target ≤ 1 day after notification), not part of 7-1-7. */
  responseInitiationDate: string | null;
  overall: TargetStatus;
  bottlenecks: Record<Interval, TimelinessFactor[]>;
  enablers: Record<Interval, TimelinessFactor[]>;
}

const checkDate = (eventId: string, field: string, value: string | undefined) => {
  if (value !== undefined && !isCalendarDate(value)) {
    throw new AppError('EVENT_717_DATE_INVALID', `${field} of event ${eventId} is not a calendar date: ${value}`, { params: { eventId, field, value } });
  }
};

const interval = (name: Interval, from: string | undefined, to: string | undefined, missing: string): IntervalResult => {
  const target = TARGET_DAYS[name];
  if (from === undefined || to === undefined) return { interval: name, target, days: null, status: 'pending', pendingReason: missing };
  const days = daysBetween(from, to);
  return { interval: name, target, days, status: days <= target ? 'met' : 'not-met' };
};

const inOrder = (event: TimelinessEvent, earlier: 'emergenceDate' | 'detectionDate', later: 'detectionDate' | 'notificationDate') => {
  const [a, b] = [event[earlier], event[later]];
  if (a !== undefined && b !== undefined && b < a) {
    throw new AppError('EVENT_717_DATES_OUT_OF_ORDER', `${later} ${b} of event ${event.id} is before ${earlier} ${a}`, { params: { eventId: event.id, [earlier]: a, [later]: b } });
  }
};

/** Latest and earliest completion among applicable actions, or why the response is not complete. */
const responseDates = (event: TimelinessEvent): { completion: string | null; initiation: string | null; pendingReason?: string } => {
  const seen = new Set<string>();
  for (const record of event.responseActions) {
    if (!EARLY_RESPONSE_ACTIONS.some((a) => a.id === record.action)) {
      throw new AppError('EVENT_717_ACTION_UNKNOWN', `Unknown early response action: ${record.action}`, { params: { eventId: event.id, action: record.action } });
    }
    if (seen.has(record.action)) throw new AppError('EVENT_717_ACTION_DUPLICATE', `Action ${record.action} is listed twice for event ${event.id}`, { params: { eventId: event.id, action: record.action } });
    seen.add(record.action);
    if (record.applicable) checkDate(event.id, `completedOn of ${record.action}`, record.completedOn);
  }
  const applicable = event.responseActions.filter((r) => r.applicable);
  const done = applicable.map((r) => r.completedOn).filter((d): d is string => d !== undefined).sort();
  const initiation = done[0] ?? null;
  const unjudged = EARLY_RESPONSE_ACTIONS.filter((a) => !seen.has(a.id)).map((a) => a.id);
  if (unjudged.length > 0) return { completion: null, initiation, pendingReason: `applicability not recorded for: ${unjudged.join(', ')}` };
  if (applicable.length === 0) return { completion: null, initiation, pendingReason: 'no early response action is applicable' };
  const open = applicable.filter((r) => r.completedOn === undefined).map((r) => r.action);
  if (open.length > 0) return { completion: null, initiation, pendingReason: `actions not completed: ${open.join(', ')}` };
  return { completion: done[done.length - 1]!, initiation };
};

const byInterval = (factors: readonly TimelinessFactor[] | undefined): Record<Interval, TimelinessFactor[]> => ({
  detection: (factors ?? []).filter((f) => f.interval === 'detection'),
  notification: (factors ?? []).filter((f) => f.interval === 'notification'),
  response: (factors ?? []).filter((f) => f.interval === 'response'),
});

/** Met when all three are met, not met when any is missed, otherwise pending. */
export const overallStatus = (statuses: readonly TargetStatus[]): TargetStatus =>
  statuses.includes('not-met') ? 'not-met' : statuses.every((s) => s === 'met') ? 'met' : 'pending';

export const evaluate717 = (event: TimelinessEvent): SevenOneSevenResult => {
  checkDate(event.id, 'emergenceDate', event.emergenceDate);
  checkDate(event.id, 'detectionDate', event.detectionDate);
  checkDate(event.id, 'notificationDate', event.notificationDate);
  inOrder(event, 'emergenceDate', 'detectionDate');
  inOrder(event, 'detectionDate', 'notificationDate');
  const response = responseDates(event);
  const detect = interval('detection', event.emergenceDate, event.detectionDate, event.emergenceDate === undefined ? 'emergence date not known' : 'not detected yet');
  const notify = interval('notification', event.detectionDate, event.notificationDate, event.detectionDate === undefined ? 'not detected yet' : 'not notified yet');
  const respond =
    response.completion === null
      ? { interval: 'response' as const, target: TARGET_DAYS.response, days: null, status: 'pending' as const, pendingReason: response.pendingReason! }
      : interval('response', event.notificationDate, response.completion, 'not notified yet');
  return {
    eventId: event.id,
    party: event.party,
    detect,
    notify,
    respond,
    responseCompletionDate: response.completion,
    responseInitiationDate: response.initiation,
    overall: overallStatus([detect.status, notify.status, respond.status]),
    bottlenecks: byInterval(event.bottlenecks),
    enablers: byInterval(event.enablers),
  };
};
