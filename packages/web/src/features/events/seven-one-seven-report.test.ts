import { describe, expect, it } from 'vitest';
import type { SevenOneSevenSummary, TargetShare } from './events.types.ts';
import { reportRows, settled, shareBars } from './seven-one-seven-report.ts';

const share = (met: number, notMet: number, pending = 0): TargetShare => ({ met, notMet, pending, share: met + notMet === 0 ? null : met / (met + notMet) });
const zero = { technical: 0, operational: 0, political: 0 };
const summary = (detect: TargetShare, all: TargetShare): SevenOneSevenSummary => ({
  events: detect.met + detect.notMet + detect.pending,
  detect,
  notify: detect,
  respond: detect,
  all,
  bottlenecks: { detection: zero, notification: zero, response: zero },
  enablers: { detection: zero, notification: zero, response: zero },
});

describe('the 7-1-7 summary', () => {
  const report = {
    region: summary(share(3, 1, 1), share(1, 3, 1)),
    parties: { UG: summary(share(1, 1), share(0, 2)), KE: summary(share(2, 0, 1), share(1, 1, 1)) },
  };

  it('lists the parties in code order, then the region', () => {
    expect(reportRows(report).map((r) => r.key)).toEqual(['KE', 'UG', 'region']);
  });

  it('draws one series per target and all three, with the share of settled events', () => {
    const bars = shareBars(reportRows(report), (m) => m, (k) => k.toLowerCase());
    expect(bars.categories).toEqual(['ke', 'ug', 'region']);
    expect(bars.series.map((s) => s.name)).toEqual(['detect', 'notify', 'respond', 'all']);
    expect(bars.series[0]!.values).toEqual([1, 0.5, 0.75]);
    expect(bars.series[3]!.values).toEqual([0.5, 0, 0.25]);
  });

  it('counts a share over met and missed events, leaving pending ones beside it', () => {
    expect(settled(share(2, 1, 4))).toBe(3);
    expect(share(0, 0, 2).share).toBeNull();
  });
});
