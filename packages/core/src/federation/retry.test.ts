import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeiling, retryDelay } from './retry.ts';

const policy = { baseMs: 500, capMs: 10_000 };

describe('retry backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffCeiling(n, policy))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffCeiling(10_000, policy)).toBe(10_000);
  });

  it('stays between half the ceiling and the ceiling, never above the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const delay = retryDelay(failures, policy, () => r);
        const ceiling = backoffCeiling(failures, policy);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(delay).toBeLessThanOrEqual(policy.capMs);
      }),
    );
  });

  it('spreads senders that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(4, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
