import { describe, expect, it } from 'vitest';
import { publicShares } from './public-response-times.ts';

const share = (met: number, notMet: number, pending = 0) => ({ met, notMet, pending, share: met + notMet === 0 ? null : met / (met + notMet) });

describe('publicShares', () => {
  it('publishes counts and shares resting on at least k events', () => {
    const row = publicShares('KE', { events: 4, detect: share(3, 1), notify: share(4, 0), respond: share(2, 1, 1), all: share(1, 2, 1) }, 3);
    expect(row).toEqual({
      party: 'KE',
      events: 4,
      suppressed: false,
      detect: { met: 3, notMet: 1, pending: 0, share: 0.75, suppressed: false },
      notify: { met: 4, notMet: 0, pending: 0, share: 1, suppressed: false },
      respond: { met: 2, notMet: 1, pending: 1, share: 2 / 3, suppressed: false },
      all: { met: 1, notMet: 2, pending: 1, share: 1 / 3, suppressed: false },
    });
  });

  it('hides a party with 1 to k − 1 events altogether', () => {
    const row = publicShares('RW', { events: 2, detect: share(2, 0), notify: share(2, 0), respond: share(1, 1), all: share(1, 1) }, 3);
    expect(row.suppressed).toBe(true);
    expect(row.events).toBeNull();
    for (const target of [row.detect, row.notify, row.respond, row.all]) expect(target).toEqual({ met: null, notMet: null, pending: null, share: null, suppressed: true });
  });

  it('hides a share settled for fewer than k events, keeping the pending count', () => {
    const row = publicShares('TZ', { events: 4, detect: share(4, 0), notify: share(3, 1), respond: share(1, 1, 2), all: share(0, 2, 2) }, 3);
    expect(row.suppressed).toBe(false);
    expect(row.respond).toEqual({ met: null, notMet: null, pending: 2, share: null, suppressed: true });
    expect(row.detect.share).toBe(1);
  });

  it('shows a party with no events as zero, and everything when the clause sets no k', () => {
    expect(publicShares('SO', { events: 0, detect: share(0, 0), notify: share(0, 0), respond: share(0, 0), all: share(0, 0) }, 3)).toMatchObject({ events: 0, suppressed: false, all: { share: null, suppressed: false } });
    expect(publicShares('RW', { events: 1, detect: share(1, 0), notify: share(1, 0), respond: share(1, 0), all: share(1, 0) }, null)).toMatchObject({ events: 1, all: { met: 1, share: 1 } });
  });
});
