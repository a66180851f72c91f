/**
 * SYNTHETIC surveillance history for the demo region: weekly counts per
 * party × area × disease since ISO week 2020-W01, shaped like what the
 * region's national systems report (magnitudes scaled to each area's
 * population, seasonality by disease and climate, outbreaks in some years),
 * but invented. Deterministic: the same seed gives the same history on
 * every machine; only "now" moves the end.
 *
 * Shapes, not data, come from public sources: malaria's bimodal rainy-season
 * peaks in East Africa and unimodal peak in South Sudan and northern Uganda
 * (WHO World Malaria Report); cholera's rainy-season and displacement-camp
 * outbreaks around the Great Lakes and the Horn (WHO AFRO weekly bulletins);
 * meningococcal disease in the dry season at the edge of the meningitis
 * belt; mpox clade Ib rising in South Kivu from late 2023 and reaching
 * Burundi in mid-2024 (WHO mpox situation reports).
 */
import { addDays, daysBetween, epiWeek, type Random } from '@concord/core';

export const HISTORY_START = '2019-12-30';
/** The last weeks of epidemic-prone diseases arrive as a line list instead of weekly counts. */
export const LINE_LIST_WEEKS = 8;
export const LINE_LIST_DISEASES = ['cholera', 'measles', 'mpox', 'meningococcal'] as const;

export interface DemoArea {
  party: string;
  area: string;
  /** Cholera circulates every year (lake shores, camps, the coast). */
  choleraEndemic?: boolean;
  /** At the southern edge of the meningitis belt. */
  meningitisBelt?: boolean;
  /** One long malaria season (South Sudan, northern Uganda) rather than two. */
  unimodalMalaria?: boolean;
  /** Where mpox clade Ib circulated from 2024. */
  mpox?: boolean;
}

export const DEMO_AREAS: readonly DemoArea[] = [
  { party: 'BI', area: 'BI-BM', choleraEndemic: true, mpox: true },
  { party: 'BI', area: 'BI-GI' },
  { party: 'BI', area: 'BI-CI', mpox: true },
  { party: 'CD', area: 'CD-KN', mpox: true },
  { party: 'CD', area: 'CD-NK', choleraEndemic: true, mpox: true },
  { party: 'CD', area: 'CD-SK', choleraEndemic: true, mpox: true },
  { party: 'KE', area: 'KE-30' },
  { party: 'KE', area: 'KE-28', choleraEndemic: true, mpox: true },
  { party: 'KE', area: 'KE-24', choleraEndemic: true, meningitisBelt: true },
  { party: 'RW', area: 'RW-01' },
  { party: 'RW', area: 'RW-04', mpox: true },
  { party: 'RW', area: 'RW-02' },
  { party: 'SO', area: 'SO-BN', choleraEndemic: true },
  { party: 'SO', area: 'SO-BY', choleraEndemic: true },
  { party: 'SO', area: 'SO-JH' },
  { party: 'SS', area: 'SS-EC', meningitisBelt: true, unimodalMalaria: true },
  { party: 'SS', area: 'SS-NU', choleraEndemic: true, meningitisBelt: true, unimodalMalaria: true },
  { party: 'SS', area: 'SS-UY', meningitisBelt: true, unimodalMalaria: true },
  { party: 'TZ', area: 'TZ-02', choleraEndemic: true },
  { party: 'TZ', area: 'TZ-18', choleraEndemic: true },
  { party: 'TZ', area: 'TZ-08', choleraEndemic: true },
  { party: 'UG', area: 'UG-C', mpox: true },
  { party: 'UG', area: 'UG-N', meningitisBelt: true, unimodalMalaria: true },
  { party: 'UG', area: 'UG-E', choleraEndemic: true },
];

/** Reported malaria cases per 1 000 people a year, by party: the order of magnitude national programmes report. */
const MALARIA_PER_1000: Record<string, number> = { BI: 500, CD: 300, KE: 60, RW: 80, SO: 30, SS: 250, TZ: 120, UG: 300 };

export const diseasesOf = (area: DemoArea): string[] => [
  'malaria',
  'cholera',
  'measles',
  ...(area.meningitisBelt ? ['meningococcal'] : []),
  ...(area.mpox ? ['mpox'] : []),
];

/** An outbreak: a wave added to the baseline, rising to `peak` weekly cases over `rise` weeks and fading over the rest. */
export interface Outbreak {
  party: string;
  area: string;
  disease: string;
  /** Monday of the first week. */
  start: string;
  rise: number;
  weeks: number;
  peak: number;
  /** Recent outbreaks stay open as events in the demo. */
  recent?: boolean;
}

const ob = (party: string, area: string, disease: string, start: string, rise: number, weeks: number, peak: number): Outbreak => ({ party, area, disease, start, rise, weeks, peak });

export const HISTORICAL_OUTBREAKS: readonly Outbreak[] = [
  ob('UG', 'UG-E', 'cholera', '2021-07-26', 3, 10, 45),
  ob('CD', 'CD-KN', 'measles', '2021-03-01', 6, 18, 240),
  ob('SO', 'SO-BY', 'cholera', '2022-03-07', 6, 22, 260),
  ob('SO', 'SO-BN', 'measles', '2022-05-16', 5, 16, 190),
  ob('SS', 'SS-UY', 'meningococcal', '2022-01-31', 4, 12, 45),
  ob('SS', 'SS-EC', 'measles', '2022-06-20', 4, 14, 55),
  ob('KE', 'KE-24', 'cholera', '2022-10-03', 8, 30, 120),
  ob('BI', 'BI-BM', 'cholera', '2023-01-02', 3, 12, 50),
  ob('KE', 'KE-28', 'cholera', '2023-01-30', 4, 14, 65),
  ob('TZ', 'TZ-08', 'cholera', '2023-03-06', 4, 14, 80),
  ob('CD', 'CD-NK', 'cholera', '2023-05-15', 6, 24, 420),
  ob('KE', 'KE-24', 'measles', '2023-07-24', 4, 12, 40),
  ob('BI', 'BI-GI', 'measles', '2023-08-28', 4, 12, 30),
  ob('CD', 'CD-SK', 'mpox', '2023-10-02', 48, 110, 460),
  ob('CD', 'CD-NK', 'mpox', '2024-01-29', 40, 100, 260),
  ob('TZ', 'TZ-18', 'cholera', '2024-01-08', 3, 10, 60),
  ob('SS', 'SS-NU', 'meningococcal', '2024-02-05', 3, 10, 25),
  ob('TZ', 'TZ-02', 'measles', '2024-03-04', 5, 14, 60),
  ob('BI', 'BI-BM', 'mpox', '2024-07-22', 14, 60, 120),
  ob('BI', 'BI-CI', 'mpox', '2024-08-12', 12, 50, 45),
  ob('RW', 'RW-04', 'mpox', '2024-08-05', 6, 20, 12),
  ob('SS', 'SS-NU', 'cholera', '2024-10-21', 10, 30, 480),
  ob('SO', 'SO-BY', 'cholera', '2025-01-27', 5, 16, 150),
  ob('UG', 'UG-C', 'mpox', '2025-01-06', 14, 40, 70),
  ob('UG', 'UG-N', 'meningococcal', '2025-02-17', 3, 10, 30),
  ob('UG', 'UG-C', 'measles', '2025-04-07', 4, 12, 50),
];

/** The outbreaks still running at `now`: they end in the line list and stay open as events. */
export const recentOutbreaks = (now: Date): Outbreak[] => {
  const current = epiWeek(now.toISOString().slice(0, 10), 'iso').start;
  const weeksAgo = (n: number) => addDays(current, -7 * n);
  return [
    { ...ob('UG', 'UG-E', 'cholera', weeksAgo(5), 4, 12, 70), recent: true },
    { ...ob('SS', 'SS-NU', 'cholera', weeksAgo(7), 6, 16, 650), recent: true },
    { ...ob('KE', 'KE-28', 'measles', weeksAgo(4), 4, 10, 28), recent: true },
    { ...ob('CD', 'CD-SK', 'mpox', weeksAgo(6), 5, 16, 180), recent: true },
    { ...ob('TZ', 'TZ-08', 'cholera', weeksAgo(3), 2, 5, 14), recent: true },
  ];
};

const wave = (outbreak: Outbreak, weekStart: string): number => {
  const k = daysBetween(outbreak.start, weekStart) / 7;
  if (k < 0 || k >= outbreak.weeks) return 0;
  const width = k <= outbreak.rise ? outbreak.rise / 2 : (outbreak.weeks - outbreak.rise) / 2.5;
  return outbreak.peak * Math.exp(-((k - outbreak.rise) ** 2) / (2 * Math.max(width, 0.5) ** 2));
};

const yearWeek = (weekStart: string) => epiWeek(weekStart, 'iso').week;
const cycle = (week: number, peak: number, period: number) => Math.cos((2 * Math.PI * (week - peak)) / period);

/** The expected weekly count without outbreaks (per area population). */
const baseline = (area: DemoArea, population: number, disease: string, weekStart: string, yearFactor: number): number => {
  const per100k = population / 100_000;
  const week = yearWeek(weekStart);
  switch (disease) {
    case 'malaria': {
      const season = area.unimodalMalaria ? 1 + 0.45 * cycle(week, 33, 52) : 1 + 0.35 * cycle(week, 20, 26);
      return ((MALARIA_PER_1000[area.party] ?? 100) * 100) / 52 * per100k * season * yearFactor;
    }
    case 'cholera':
      return (area.choleraEndemic ? 0.03 : 0.004) * per100k * Math.max(0.2, 1 + 0.5 * cycle(week, 18, 26));
    case 'measles':
      return (area.party === 'SO' || area.party === 'CD' ? 0.12 : 0.05) * per100k * (1 + 0.4 * cycle(week, 10, 52));
    case 'meningococcal':
      return 0.12 * per100k * Math.max(0.1, 1 + 1.2 * cycle(week, 9, 52));
    case 'mpox':
      return (area.party === 'CD' ? 0.02 : 0.002) * per100k;
    default:
      return 0;
  }
};

export interface WeekCount {
  party: string;
  area: string;
  disease: string;
  weekStart: string;
  count: number;
}

/** A slow year-to-year drift: one log-normal level per year, interpolated week by week so no January jumps. */
const drift = (random: Random, from: number, to: number) => {
  const levels = new Map<number, number>();
  for (let year = from; year <= to + 1; year++) levels.set(year, Math.exp(0.06 * random.normal()));
  return (weekStart: string) => {
    const year = Number(weekStart.slice(0, 4));
    const f = Math.min(1, Math.max(0, daysBetween(`${year}-01-01`, weekStart) / 365));
    return levels.get(year)! * (1 - f) + levels.get(year + 1)! * f;
  };
};

/**
 * Every area × disease × week from HISTORY_START to the current week, with
 * a Poisson count around baseline plus outbreak waves, a slow drift between
 * years and a little week-to-week over-dispersion (a log-normal factor).
 */
export const weeklyHistory = (areas: readonly (DemoArea & { population: number })[], now: Date, random: Random): WeekCount[] => {
  const current = epiWeek(now.toISOString().slice(0, 10), 'iso').start;
  const outbreaks = [...HISTORICAL_OUTBREAKS, ...recentOutbreaks(now)];
  const out: WeekCount[] = [];
  for (const area of areas) {
    for (const disease of diseasesOf(area)) {
      const waves = outbreaks.filter((o) => o.area === area.area && o.disease === disease);
      const level = drift(random, Number(HISTORY_START.slice(0, 4)), Number(current.slice(0, 4)));
      for (let week = HISTORY_START; week <= current; week = addDays(week, 7)) {
        const mean = baseline(area, area.population, disease, week, level(week)) + waves.reduce((sum, o) => sum + wave(o, week), 0);
        out.push({ party: area.party, area: area.area, disease, weekStart: week, count: random.poisson(mean * Math.exp(0.05 * random.normal() - 0.00125)) });
      }
    }
  }
  return out;
};

/** The Monday the line list starts on: the current week and the seven before it. */
export const lineListStart = (now: Date): string => addDays(epiWeek(now.toISOString().slice(0, 10), 'iso').start, -7 * (LINE_LIST_WEEKS - 1));
