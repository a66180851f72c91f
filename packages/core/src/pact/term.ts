/**
 * The pact's term in time. Dates in a pact are calendar dates in UTC; a
 * date stands for its first instant, so a pact is in force from 00:00 UTC on
 * its effective date up to, but not including, 00:00 UTC on its sunset date.
 */
import type { Pact } from './model.ts';
import { addDays } from '../surveillance/calendar-date.ts';

const HOUR_MS = 3_600_000;

export const startOfDate = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** The UTC calendar date of an instant. */
export const dateOf = (at: Date): string => at.toISOString().slice(0, 10);

export const plusHours = (at: Date, hours: number): string => new Date(at.getTime() + hours * HOUR_MS).toISOString();

export const plusDays = (at: Date, days: number): string => addDays(dateOf(at), days);

export interface Term {
  effective: string;
  sunset: string;
}

export const isWithinTerm = (term: Term, at: Date): boolean =>
  at.getTime() >= startOfDate(term.effective) && at.getTime() < startOfDate(term.sunset);

/** Why a moment falls outside the pact's term, or undefined when it is inside. */
export const outsideTerm = (pact: Pact, at: Date, sunset = pact.sunset): string | undefined => {
  if (at.getTime() < startOfDate(pact.effective)) {
    return `PACT_NOT_IN_FORCE: pact \`${pact.id}\` version ${pact.version} takes effect on ${pact.effective}; the decision is at ${at.toISOString()}`;
  }
  if (at.getTime() >= startOfDate(sunset)) {
    return `PACT_NOT_IN_FORCE: pact \`${pact.id}\` version ${pact.version} ended at its sunset on ${sunset}; the decision is at ${at.toISOString()}`;
  }
  return undefined;
};
