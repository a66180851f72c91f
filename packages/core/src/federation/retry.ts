/**
 * How long a sender waits before trying an unreachable peer again:
 * exponential backoff with a cap and "equal jitter" (half the delay fixed,
 * half random), so that many senders that lost the same peer do not all
 * come back in the same instant, yet none waits less than half its step.
 * (M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.)
 */
export interface RetryPolicy {
  /** Delay after the first failure, before jitter. */
  baseMs: number;
  /** No delay exceeds this, jitter included. */
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 500, capMs: 10_000 };

/** The ceiling of the delay after `failures` consecutive failures (≥ 1). */
export const backoffCeiling = (failures: number, policy: RetryPolicy = DEFAULT_RETRY): number => {
  const exponent = Math.min(Math.max(failures, 1) - 1, 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
};

/** The delay before the next attempt; `random` returns [0, 1). */
export const retryDelay = (failures: number, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number => {
  const ceiling = backoffCeiling(failures, policy);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
