import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf, colourOf, legendEntries, NO_DATA_COLOUR, PALETTE, quantileBreaks } from './classes.ts';

const values = fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('choropleth classes', () => {
  it('puts every value in a class, in the order of the values', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 2, max: 7 }), (xs, classes) => {
        const breaks = quantileBreaks(xs, classes);
        expect(breaks.length).toBeLessThan(classes);
        expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
        expect(new Set(breaks).size).toBe(breaks.length);
        const sorted = [...xs].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i += 1) expect(classOf(sorted[i - 1]!, breaks)).toBeLessThanOrEqual(classOf(sorted[i]!, breaks));
        expect(classOf(sorted[0]!, breaks)).toBe(0);
        expect(classOf(sorted.at(-1)!, breaks)).toBe(breaks.length);
      }),
    );
  });

  it('colours the smallest value lightest and the largest darkest', () => {
    fc.assert(
      fc.property(values.filter((xs) => new Set(xs).size > 1), (xs) => {
        const breaks = quantileBreaks(xs);
        expect(colourOf(Math.min(...xs), breaks)).toBe(PALETTE[0]);
        expect(colourOf(Math.max(...xs), breaks)).toBe(PALETTE.at(-1));
      }),
    );
  });

  it('splits the eight partner states’ populations into five classes', () => {
    const populations = [13.2, 105.8, 55.1, 14.1, 18.1, 11.1, 67.4, 48.6];
    const breaks = quantileBreaks(populations);
    expect(breaks).toHaveLength(4);
    expect(new Set(populations.map((p) => colourOf(p, breaks))).size).toBe(5);
  });

  it('shows a missing value as no data', () => {
    expect(colourOf(null, [1, 2])).toBe(NO_DATA_COLOUR);
    expect(colourOf(Number.NaN, [1, 2])).toBe(NO_DATA_COLOUR);
  });

  it('gives one legend entry per class, covering the values from smallest to largest', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const breaks = quantileBreaks(xs);
        const legend = legendEntries(xs, breaks);
        expect(legend).toHaveLength(breaks.length + 1);
        expect(legend[0]!.from).toBe(Math.min(...xs));
        expect(legend.at(-1)!.to).toBe(Math.max(...xs));
        for (const entry of legend) expect(entry.from).toBeLessThanOrEqual(entry.to);
      }),
    );
  });
});
