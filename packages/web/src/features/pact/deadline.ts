/**
 * How far away a calendar date is, for the clocks on "what each party owes
 * now": reports, milestones and the renewal notice have due dates (UTC
 * calendar days, as the pact counts them), shown as "due in 3 days",
 * "due today" or "overdue by 2 days" — in words as well as colour.
 */
const DAY_MS = 86_400_000;

/** Whole days from today (UTC) to `date` (YYYY-MM-DD): 0 today, negative once past. */
export const daysUntil = (date: string, now: Date): number => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
};

export type DeadlineState = 'overdue' | 'today' | 'soon' | 'later';

/** A deadline within this many days is "soon" and drawn in amber. */
export const SOON_DAYS = 3;

export const deadlineState = (days: number): DeadlineState =>
  days < 0 ? 'overdue' : days === 0 ? 'today' : days <= SOON_DAYS ? 'soon' : 'later';

/** `date` moved by whole days (UTC calendar), e.g. the renewal notice: sunset − renewalNoticeDays. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
