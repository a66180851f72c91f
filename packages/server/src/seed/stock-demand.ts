/**
 * How much of each product the synthetic demo region uses, and when. The
 * figures are invented for the demonstration (SYNTHETIC), sized so that a
 * national referral hospital of a country of 50 million issues a few
 * thousand units of a common product a month, with seasons where the
 * disease has them in East Africa: diarrhoeal disease and cholera peak with
 * the long rains (April) and the short rains (November), malaria a month or
 * two after the rains, influenza in the cool dry season (July).
 */
export interface DemandProfile {
  product: string;
  /** Units issued per million people per month, across the two demo hospitals together. */
  perMillion: number;
  /** Months (0 = January) of the seasonal peaks; empty for flat demand. */
  peaks: number[];
  /** Relative height of the peaks: demand swings between 1 − a and 1 + a. */
  amplitude: number;
  /** Shelf life of a new lot in months. */
  shelfMonths: number;
  /** Carried by the hub's regional stockpile, with the size of a half-yearly top-up. */
  hubStock?: number;
  /** Routine use at hospitals (an outbreak-only product such as the Ebola vaccine is held at the hub only). */
  routine: boolean;
}

export const DEMAND: readonly DemandProfile[] = [
  { product: 'ors', perMillion: 150, peaks: [3, 10], amplitude: 0.45, shelfMonths: 36, hubStock: 60_000, routine: true },
  { product: 'ringer-lactate', perMillion: 40, peaks: [3, 10], amplitude: 0.35, shelfMonths: 30, hubStock: 12_000, routine: true },
  { product: 'cholera-rdt', perMillion: 6, peaks: [3, 10], amplitude: 0.6, shelfMonths: 18, hubStock: 4_000, routine: true },
  { product: 'oral-cholera-vaccine', perMillion: 25, peaks: [3, 10], amplitude: 0.5, shelfMonths: 24, hubStock: 40_000, routine: true },
  { product: 'artemether-lumefantrine', perMillion: 60, peaks: [5, 0], amplitude: 0.4, shelfMonths: 36, routine: true },
  { product: 'malaria-rdt', perMillion: 120, peaks: [5, 0], amplitude: 0.4, shelfMonths: 24, routine: true },
  { product: 'ceftriaxone-1g', perMillion: 35, peaks: [], amplitude: 0, shelfMonths: 36, routine: true },
  { product: 'doxycycline-100mg', perMillion: 140, peaks: [], amplitude: 0, shelfMonths: 48, routine: true },
  { product: 'oseltamivir-75mg', perMillion: 8, peaks: [6], amplitude: 0.5, shelfMonths: 60, routine: true },
  { product: 'mr-vaccine', perMillion: 110, peaks: [], amplitude: 0, shelfMonths: 24, routine: true },
  { product: 'yf-vaccine', perMillion: 18, peaks: [], amplitude: 0, shelfMonths: 36, hubStock: 20_000, routine: true },
  { product: 'meningococcal-acwy-vaccine', perMillion: 9, peaks: [1], amplitude: 0.3, shelfMonths: 24, hubStock: 10_000, routine: true },
  { product: 'nitrile-gloves', perMillion: 12, peaks: [], amplitude: 0, shelfMonths: 60, routine: true },
  { product: 'ffp2-respirator', perMillion: 20, peaks: [6], amplitude: 0.2, shelfMonths: 60, hubStock: 30_000, routine: true },
  { product: 'ebola-vaccine', perMillion: 0, peaks: [], amplitude: 0, shelfMonths: 36, hubStock: 1_500, routine: false },
];

/** Seasonal factor of a month: the nearest peak lifts demand by up to `amplitude`, the furthest month lowers it as much. */
export const seasonFactor = (profile: DemandProfile, month: number): number => {
  if (profile.peaks.length === 0 || profile.amplitude === 0) return 1;
  const distance = Math.min(...profile.peaks.map((peak) => Math.min(Math.abs(month - peak), 12 - Math.abs(month - peak))));
  // 0 months from a peak → +a; 3 or more → −a, along a half cosine.
  return 1 + profile.amplitude * Math.cos((Math.min(distance, 3) / 3) * Math.PI);
};

/** The share of the two demo hospitals' demand each one carries. */
export const HOSPITAL_SHARE: Record<'nrh' | 'rh', number> = { nrh: 0.6, rh: 0.4 };
