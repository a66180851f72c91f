import { badRequest } from '../errors.ts';

/** One logger reading. `time` is ISO 8601 and is echoed back exactly as given. */
export interface TemperatureReading {
  device: string;
  time: string;
  celsius: number;
}

export type ExcursionType = 'heat' | 'freeze';

/**
 * When a reading is out of range and how long an excursion may last before
 * it raises an alarm. Heat is `celsius > heatAboveC`; freeze is
 * `celsius <= freezeAtOrBelowC`.
 */
export interface ExcursionRule {
  heatAboveC: number;
  freezeAtOrBelowC: number;
  heatAlarmMinutes: number;
  freezeAlarmMinutes: number;
}

/**
 * WHO PQS E006 30-day temperature recorder alarms for +2…+8 °C vaccine
 * storage: heat above +8 °C for 10 hours continuously, freeze at or below
 * −0.5 °C for 60 minutes. Both are single-event (continuous) alarms.
 */
export const PQS_30DTR_RULE: ExcursionRule = {
  heatAboveC: 8,
  freezeAtOrBelowC: -0.5,
  heatAlarmMinutes: 600,
  freezeAlarmMinutes: 60,
};

/** PQS 30-DTRs record at least every 10 minutes; a longer interval is a gap in the record. */
export const MAX_READING_INTERVAL_MINUTES = 10;

export interface Excursion {
  device: string;
  type: ExcursionType;
  /** The first reading out of range, as given. */
  start: string;
  /** The first reading back in range (or of the other type), or the last reading if none came. */
  end: string;
  minutes: number;
  alarm: boolean;
  /** True when the record ended while still out of range. */
  ongoing: boolean;
  /** Highest (heat) or lowest (freeze) temperature seen during the excursion. */
  extremeC: number;
  /**
   * The longest interval between consecutive readings from the reading
   * before `start` to `end`. Above 10 minutes the recorder missed readings:
   * the excursion is still measured from `start` to `end` as if continuous,
   * but its true start and length are uncertain and a person should look.
   */
  longestGapMinutes: number;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time. Times without an
 * offset are read as UTC so the result never depends on the machine's
 * time zone; give offsets when a device's record crosses a clock change.
 */
export const parseReadingTime = (time: string): number | undefined => {
  const match = ISO_8601.exec(time);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over to March; refuse it instead.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = match[7] === undefined ? 'Z' : match[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = Date.parse(`${time.slice(0, match[7] === undefined ? time.length : -match[7].length).replace(' ', 'T')}${offset}`);
  return Number.isNaN(instant) ? undefined : instant;
};

const invalid = (index: number, reason: string) =>
  badRequest('COLDCHAIN_READING_INVALID', `reading ${index}: ${reason}`, { index, reason });

interface TimedReading extends TemperatureReading {
  at: number;
}

const checkReadings = (readings: readonly TemperatureReading[]): Map<string, TimedReading[]> => {
  const byDevice = new Map<string, TimedReading[]>();
  const seen = new Set<string>();
  readings.forEach((reading, index) => {
    if (typeof reading.device !== 'string' || reading.device.length === 0) throw invalid(index, 'device must be a non-empty string');
    const at = typeof reading.time === 'string' ? parseReadingTime(reading.time) : undefined;
    if (at === undefined) throw invalid(index, `time must be an ISO 8601 date-time, got "${String(reading.time)}"`);
    if (typeof reading.celsius !== 'number' || !Number.isFinite(reading.celsius)) throw invalid(index, 'celsius must be a number');
    const key = JSON.stringify([reading.device, at]);
    if (seen.has(key)) throw invalid(index, `device ${reading.device} has two readings at ${reading.time}`);
    seen.add(key);
    const list = byDevice.get(reading.device) ?? [];
    list.push({ ...reading, at });
    byDevice.set(reading.device, list);
  });
  return byDevice;
};

const classify = (celsius: number, rule: ExcursionRule): ExcursionType | null =>
  celsius > rule.heatAboveC ? 'heat' : celsius <= rule.freezeAtOrBelowC ? 'freeze' : null;

const MINUTE = 60_000;

/** Scans one device's readings, already in time order, for runs out of range. */
const deviceExcursions = (readings: readonly TimedReading[], rule: ExcursionRule): Excursion[] => {
  const found: Excursion[] = [];
  let i = 0;
  while (i < readings.length) {
    const type = classify(readings[i]!.celsius, rule);
    if (type === null) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < readings.length && classify(readings[j + 1]!.celsius, rule) === type) j += 1;
    const ongoing = j + 1 >= readings.length;
    const first = readings[i]!;
    const last = ongoing ? readings[j]! : readings[j + 1]!;
    const run = readings.slice(Math.max(0, i - 1), (ongoing ? j : j + 1) + 1);
    const gaps = run.slice(1).map((r, n) => (r.at - run[n]!.at) / MINUTE);
    const temperatures = readings.slice(i, j + 1).map((r) => r.celsius);
    const minutes = (last.at - first.at) / MINUTE;
    found.push({
      device: first.device,
      type,
      start: first.time,
      end: last.time,
      minutes,
      alarm: minutes >= (type === 'heat' ? rule.heatAlarmMinutes : rule.freezeAlarmMinutes),
      ongoing,
      extremeC: type === 'heat' ? Math.max(...temperatures) : Math.min(...temperatures),
      longestGapMinutes: Math.max(0, ...gaps),
    });
    i = j + 1;
  }
  return found;
};

/**
 * Finds heat and freeze excursions in temperature-logger readings, per
 * device, after sorting each device's readings by time. A run of
 * consecutive readings of one type is one excursion: it starts at its first
 * reading and ends at the next reading of another kind (back in range, or
 * straight to the other extreme, which then starts its own excursion), or
 * at the last reading when the record ends out of range. Devices come in
 * first-appearance order, excursions in time order.
 */
export const detectExcursions = (readings: readonly TemperatureReading[], rule: ExcursionRule = PQS_30DTR_RULE): Excursion[] => {
  const byDevice = checkReadings(readings);
  return [...byDevice.values()].flatMap((list) => deviceExcursions([...list].sort((a, b) => a.at - b.at), rule));
};
