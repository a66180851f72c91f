import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProduct } from '../catalogue/products.ts';
import { isAppError } from '../errors.ts';
import { detectExcursions, type TemperatureReading } from './excursions.ts';
import { detectProductExcursions } from './product-rule.ts';

const T0 = Date.parse('2024-03-01T00:00:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Readings at the given minutes after T0 with the given temperatures. */
const at = (device: string, points: [number, number][]): TemperatureReading[] =>
  points.map(([minutes, celsius]) => ({ device, time: iso(minutes), celsius }));

/** A run: `inRange` before, `celsius` from minute `from` for `length` minutes (10-min steps), back in range at `from + length`. */
const run = (celsius: number, length: number): [number, number][] => {
  const points: [number, number][] = [[0, 5]];
  for (let m = 10; m < 10 + length; m += 10) points.push([m, celsius]);
  points.push([10 + length, 5]);
  return points;
};

describe('detectExcursions at the WHO PQS boundaries', () => {
  it('keeps exactly +8.0 °C in range and counts +8.01 °C as heat', () => {
    expect(detectExcursions(at('f', [[0, 5], [10, 8.0], [20, 5]]))).toEqual([]);
    const [heat] = detectExcursions(at('f', [[0, 5], [10, 8.01], [20, 5]]));
    expect(heat).toMatchObject({ type: 'heat', start: iso(10), end: iso(20), minutes: 10, alarm: false, extremeC: 8.01 });
  });

  it('counts exactly −0.5 °C as freeze and −0.49 °C as in range', () => {
    expect(detectExcursions(at('f', [[0, 5], [10, -0.49], [20, 5]]))).toEqual([]);
    expect(detectExcursions(at('f', [[0, 5], [10, -0.5], [20, 5]]))[0]).toMatchObject({ type: 'freeze', minutes: 10 });
  });

  it('raises the heat alarm at 600 minutes, not at 599', () => {
    const long = detectExcursions(at('f', run(9, 600)));
    expect(long).toMatchObject([{ type: 'heat', minutes: 600, alarm: true }]);
    // Back in range one minute earlier.
    const short = at('f', run(9, 600)).slice(0, -1).concat(at('f', [[609, 5]]));
    expect(detectExcursions(short)).toMatchObject([{ type: 'heat', minutes: 599, alarm: false }]);
  });

  it('raises the freeze alarm at 60 minutes, not at 59', () => {
    expect(detectExcursions(at('f', run(-2, 60)))).toMatchObject([{ type: 'freeze', minutes: 60, alarm: true }]);
    const short = at('f', run(-2, 60)).slice(0, -1).concat(at('f', [[69, 5]]));
    expect(detectExcursions(short)).toMatchObject([{ type: 'freeze', minutes: 59, alarm: false }]);
  });

  it('ends an excursion that never comes back at the last reading', () => {
    const [heat] = detectExcursions(at('f', [[0, 5], [10, 12], [20, 13], [30, 11]]));
    expect(heat).toMatchObject({ start: iso(10), end: iso(30), minutes: 20, ongoing: true, extremeC: 13 });
  });

  it('sorts each device by time and keeps devices in first-appearance order', () => {
    const readings = [
      ...at('b', [[20, 5], [0, 5], [10, -3]]),
      ...at('a', [[10, 9], [0, 5], [20, 5]]),
    ];
    expect(detectExcursions(readings).map((e) => [e.device, e.type, e.start, e.end])).toEqual([
      ['b', 'freeze', iso(10), iso(20)],
      ['a', 'heat', iso(10), iso(20)],
    ]);
  });

  it('ends heat at a reading that jumps straight to freeze, which starts its own excursion', () => {
    const found = detectExcursions(at('f', [[0, 9], [10, -1], [20, 5]]));
    expect(found.map((e) => [e.type, e.start, e.end])).toEqual([
      ['heat', iso(0), iso(10)],
      ['freeze', iso(10), iso(20)],
    ]);
  });

  it('treats a gap in the record as continuous and reports the longest gap', () => {
    // The recorder missed readings between minute 100 and minute 700.
    const [heat] = detectExcursions(at('f', [[0, 5], [100, 9], [700, 9], [710, 5]]));
    expect(heat).toMatchObject({ minutes: 610, alarm: true, longestGapMinutes: 600 });
    // A gap before the first out-of-range reading counts too: the start is uncertain.
    const [late] = detectExcursions(at('f', [[0, 5], [45, 9], [50, 5]]));
    expect(late).toMatchObject({ minutes: 5, longestGapMinutes: 45 });
  });

  it('echoes the times exactly as given', () => {
    const readings = [
      { device: 'f', time: '2024-03-01T10:00+01:00', celsius: 5 },
      { device: 'f', time: '2024-03-01T09:10:00Z', celsius: 9 },
      { device: 'f', time: '2024-03-01 09:20', celsius: 4 },
    ];
    expect(detectExcursions(readings)).toMatchObject([{ start: '2024-03-01T09:10:00Z', end: '2024-03-01 09:20', minutes: 10 }]);
  });

  it('refuses bad times, non-numeric temperatures and duplicate readings with the reading index', () => {
    const cases: TemperatureReading[][] = [
      [{ device: 'f', time: '2024-02-30T00:00Z', celsius: 5 }],
      [{ device: 'f', time: '2024-03-01T00:00Z', celsius: Number.NaN }],
      [...at('f', [[0, 5]]), ...at('f', [[0, 6]])],
    ];
    for (const readings of cases) {
      const error = (() => {
        try {
          detectExcursions(readings);
        } catch (e) {
          return e;
        }
      })();
      expect(isAppError(error) && [error.code, error.params.index]).toEqual(['COLDCHAIN_READING_INVALID', readings.length - 1]);
    }
  });
});

describe('detectProductExcursions', () => {
  it('uses the PQS rule for a +2…+8 °C vaccine', () => {
    expect(detectProductExcursions(at('f', run(9, 600)), findProduct('mr-vaccine')!)).toMatchObject([{ alarm: true }]);
  });

  it('alarms at once when an ultra-cold product warms above its upper limit', () => {
    const ebola = findProduct('ebola-vaccine')!;
    const readings = at('u', [[0, -70], [10, -58], [20, -70]]);
    expect(detectProductExcursions(readings, ebola)).toMatchObject([{ type: 'heat', minutes: 10, alarm: true }]);
    // −65 °C would be a freeze for a fridge vaccine but is in range here.
    expect(detectProductExcursions(at('u', [[0, -65], [10, -66]]), ebola)).toEqual([]);
  });

  it('lets a room-temperature medicine sit at +25 °C', () => {
    expect(detectProductExcursions(at('s', [[0, 25], [10, 25]]), findProduct('ors')!)).toEqual([]);
    expect(detectProductExcursions(at('s', [[0, 25], [10, 31], [20, 25]]), findProduct('ors')!)).toMatchObject([{ type: 'heat' }]);
  });
});

describe('detectExcursions properties', () => {
  const series = fc.array(fc.double({ min: -3, max: 12, noNaN: true }), { minLength: 1, maxLength: 60 });

  it('puts every out-of-range reading in exactly one excursion of its type and no in-range reading inside one', () => {
    fc.assert(
      fc.property(series, (temperatures) => {
        const readings = temperatures.map((celsius, n) => ({ device: 'f', time: iso(n * 10), celsius }));
        const found = detectExcursions(readings);
        const lastIndex = readings.length - 1;
        readings.forEach((reading, n) => {
          const type = reading.celsius > 8 ? 'heat' : reading.celsius <= -0.5 ? 'freeze' : null;
          const covering = found.filter((e) => {
            const from = (Date.parse(e.start) - T0) / 600_000;
            const to = (Date.parse(e.end) - T0) / 600_000;
            return n >= from && (n < to || (e.ongoing && n === lastIndex && to === lastIndex));
          });
          expect(covering.map((e) => e.type)).toEqual(type === null ? [] : [type]);
        });
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        series.chain((temperatures) => fc.tuple(fc.constant(temperatures), fc.shuffledSubarray(temperatures.map((_, n) => n), { minLength: temperatures.length }))),
        ([temperatures, order]) => {
          const readings = temperatures.map((celsius, n) => ({ device: 'f', time: iso(n * 10), celsius }));
          expect(detectExcursions(order.map((n) => readings[n]!))).toEqual(detectExcursions(readings));
        },
      ),
    );
  });
});
