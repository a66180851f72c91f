/**
 * A pact's life as a pure function of its versions and its recorded events.
 * A version is a draft until every party has signed it; a signed version is
 * in force from its effective date until its sunset (moved by renewals); a
 * newer signed version that has taken effect supersedes older ones for good
 * (an amendment); a suspension stops the pact until it is resumed. Decisions
 * are made under the version in force at their moment, so an amendment
 * never rewrites a decision taken before it.
 */
import type { Decision, DecisionContext, PactRequest } from './decision.ts';
import { decide } from './decide.ts';
import type { Pact } from './model.ts';
import { startOfDate } from './term.ts';

/** Instants are ISO 8601 strings with an offset, as stored. */
export type LifecycleEvent =
  | { type: 'signed'; version: number; party: string; at: string }
  | { type: 'suspended'; at: string; reason?: string }
  | { type: 'resumed'; at: string }
  | { type: 'renewed'; version: number; at: string; sunset: string };

export type PactState = 'draft' | 'signed' | 'in-force' | 'suspended' | 'expired';

export interface PactStatus {
  state: PactState;
  /** The version the state is about; null when there is no version at all. */
  version: number | null;
  effective: string | null;
  /** The sunset after renewals recorded so far. */
  sunset: string | null;
  /** The version amends an earlier one. */
  amended: boolean;
  /** A renewal moved the version's sunset. */
  renewed: boolean;
  /** Versions signed by every party whose effective date is still ahead. */
  pending: number[];
}

const ms = (instant: string): number => Date.parse(instant);

const eventsUntil = (events: readonly LifecycleEvent[], at: Date): LifecycleEvent[] =>
  events.filter((event) => ms(event.at) <= at.getTime());

const isFullySigned = (version: Pact, events: readonly LifecycleEvent[]): boolean =>
  version.parties.every((party) =>
    events.some((event) => event.type === 'signed' && event.version === version.version && event.party === party.code),
  );

/** The version's sunset after the renewals recorded up to `at` (the latest renewal wins). */
export const sunsetAt = (version: Pact, events: readonly LifecycleEvent[], at: Date): string => {
  let sunset = version.sunset;
  for (const event of eventsUntil(events, at)) {
    if (event.type === 'renewed' && event.version === version.version) sunset = event.sunset;
  }
  return sunset;
};

const isSuspended = (events: readonly LifecycleEvent[]): boolean => {
  let suspended = false;
  for (const event of events) {
    if (event.type === 'suspended') suspended = true;
    if (event.type === 'resumed') suspended = false;
  }
  return suspended;
};

const latest = (versions: readonly Pact[]): Pact | undefined =>
  versions.reduce<Pact | undefined>((best, v) => (best === undefined || v.version > best.version ? v : best), undefined);

export const statusAt = (versions: readonly Pact[], events: readonly LifecycleEvent[], at: Date): PactStatus => {
  const past = [...eventsUntil(events, at)].sort((a, b) => ms(a.at) - ms(b.at));
  const signed = versions.filter((version) => isFullySigned(version, past));
  const started = signed.filter((version) => startOfDate(version.effective) <= at.getTime());
  const current = latest(started);
  const pending = signed.filter((v) => startOfDate(v.effective) > at.getTime()).map((v) => v.version).sort((a, b) => a - b);
  const describe = (version: Pact | undefined, state: PactState): PactStatus => {
    const sunset = version ? sunsetAt(version, past, at) : null;
    return {
      state,
      version: version?.version ?? null,
      effective: version?.effective ?? null,
      sunset,
      amended: version?.amends !== undefined,
      renewed: version !== undefined && sunset !== version.sunset,
      pending,
    };
  };
  if (current) {
    if (at.getTime() >= startOfDate(sunsetAt(current, past, at))) return describe(current, 'expired');
    return describe(current, isSuspended(past) ? 'suspended' : 'in-force');
  }
  if (signed.length > 0) return describe(latest(signed), 'signed');
  return describe(latest(versions), 'draft');
};

/** The version in force at `at`, or undefined when none is (draft, not yet effective, suspended, expired). */
export const versionInForce = (versions: readonly Pact[], events: readonly LifecycleEvent[], at: Date): Pact | undefined => {
  const status = statusAt(versions, events, at);
  if (status.state !== 'in-force') return undefined;
  return versions.find((version) => version.version === status.version);
};

/**
 * Decides under the version in force at `context.now`, with its renewed
 * sunset; denies with PACT_NOT_IN_FORCE and the pact's state otherwise.
 */
export const decideInForce = (
  versions: readonly Pact[],
  events: readonly LifecycleEvent[],
  request: PactRequest,
  context: DecisionContext,
): Decision => {
  const version = versionInForce(versions, events, context.now);
  if (version) return decide(version, request, { ...context, sunset: sunsetAt(version, events, context.now) });
  const status = statusAt(versions, events, context.now);
  const any = latest(versions);
  return {
    effect: 'deny',
    pactId: any?.id ?? '',
    pactVersion: status.version ?? 0,
    clauseId: null,
    obligations: [],
    reasons: [`PACT_NOT_IN_FORCE: the pact is ${status.state} at ${context.now.toISOString()}${status.version === null ? '' : ` (version ${status.version})`}`],
  };
};
