/**
 * The GDPR personal-data breach clock (Regulation (EU) 2016/679, Art. 33):
 * the controller notifies the supervisory authority without undue delay and,
 * where feasible, not later than 72 hours after becoming aware of the
 * breach; a later notification must give the reasons for the delay. The
 * clock starts when the controller is reasonably certain a breach happened
 * (EDPB Guidelines 9/2022), which is the `awareAt` the caller records.
 *
 * 72 hours are elapsed time, not three calendar days: instants are compared
 * in milliseconds, so time zones and daylight saving do not matter.
 */
import { AppError } from '../errors.ts';
import { instantMs } from '../surveillance/calendar-date.ts';

export const BREACH_NOTIFICATION_HOURS = 72;
const HOUR_MS = 3_600_000;

/** `awareAt` + 72 h, as an ISO instant in UTC. */
export const breachDeadline = (awareAt: string): string => new Date(instantMs(awareAt) + BREACH_NOTIFICATION_HOURS * HOUR_MS).toISOString();

export type BreachClockStatus = 'open' | 'overdue' | 'notified-on-time' | 'notified-late' | 'not-required';

export interface BreachClockInput {
  awareAt: string;
  notifiedAt?: string;
  /**
   * False when the controller has documented that the breach is unlikely
   * to result in a risk to people's rights and freedoms (Art. 33(1)); the
   * breach is still recorded (Art. 33(5)) but no clock runs.
   */
  notificationRequired?: boolean;
}

export interface BreachClock {
  status: BreachClockStatus;
  deadline: string;
  /** Open: hours left until the deadline. */
  hoursRemaining: number | null;
  /** Overdue or notified late: hours past the deadline (at `now`, or at notification). */
  hoursLate: number | null;
  /** Art. 33(1): a notification after 72 hours must say why it is late. */
  reasonsForDelayRequired: boolean;
}

const hours = (ms: number) => Math.round((ms / HOUR_MS) * 100) / 100;

/** Where the breach stands at `now` (an ISO instant passed in; core has no clock). */
export const breachClock = (input: BreachClockInput, now: string): BreachClock => {
  const aware = instantMs(input.awareAt);
  const due = aware + BREACH_NOTIFICATION_HOURS * HOUR_MS;
  const deadline = new Date(due).toISOString();
  const base = { deadline, hoursRemaining: null, hoursLate: null };
  if (input.notificationRequired === false) return { ...base, status: 'not-required', reasonsForDelayRequired: false };
  if (input.notifiedAt !== undefined) {
    const notified = instantMs(input.notifiedAt);
    if (notified < aware) {
      throw new AppError('GOVERNANCE_BREACH_TIMES_OUT_OF_ORDER', 'The notification cannot precede awareness of the breach', { params: { awareAt: input.awareAt, notifiedAt: input.notifiedAt } });
    }
    return notified <= due
      ? { ...base, status: 'notified-on-time', reasonsForDelayRequired: false }
      : { ...base, status: 'notified-late', hoursLate: hours(notified - due), reasonsForDelayRequired: true };
  }
  const at = instantMs(now);
  return at <= due
    ? { ...base, status: 'open', hoursRemaining: hours(due - at), reasonsForDelayRequired: false }
    : { ...base, status: 'overdue', hoursLate: hours(at - due), reasonsForDelayRequired: true };
};

export type BreachContentItem = 'nature' | 'data-subjects' | 'records' | 'contact-point' | 'likely-consequences' | 'measures' | 'reasons-for-delay';

/** The minimum content of a notification, Art. 33(3)(a)–(d), plus the reasons for delay of Art. 33(1). */
export const BREACH_NOTIFICATION_CONTENT: readonly { id: BreachContentItem; article: string; text: string; whenLateOnly?: true }[] = [
  { id: 'nature', article: 'Art. 33(3)(a)', text: 'The nature of the personal data breach' },
  { id: 'data-subjects', article: 'Art. 33(3)(a)', text: 'Categories and approximate number of data subjects concerned, where possible' },
  { id: 'records', article: 'Art. 33(3)(a)', text: 'Categories and approximate number of personal data records concerned, where possible' },
  { id: 'contact-point', article: 'Art. 33(3)(b)', text: 'Name and contact details of the data protection officer or other contact point' },
  { id: 'likely-consequences', article: 'Art. 33(3)(c)', text: 'The likely consequences of the breach' },
  { id: 'measures', article: 'Art. 33(3)(d)', text: 'Measures taken or proposed to address the breach, including mitigation of its possible adverse effects' },
  { id: 'reasons-for-delay', article: 'Art. 33(1)', text: 'Reasons for the delay, when notified after 72 hours', whenLateOnly: true },
];

/**
 * Items of the minimum content still missing or blank. Art. 33(4) allows
 * information in phases, so a gap does not block a first notification; it
 * is what the follow-up must still supply.
 */
export const missingBreachContent = (content: Partial<Record<BreachContentItem, string>>, options: { late: boolean }): BreachContentItem[] =>
  BREACH_NOTIFICATION_CONTENT.filter((item) => (!item.whenLateOnly || options.late) && !content[item.id]?.trim()).map((item) => item.id);
