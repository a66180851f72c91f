/**
 * A SYNTHETIC line list for the demo's last weeks: one invented person per
 * counted case, with invented names, phone numbers, national ids and
 * villages (every name ends in "(synthetic)"; phone numbers use the
 * countries' prefixes followed by zeros-heavy fake digits), ages, sexes,
 * classifications, outcomes and lab results in plausible proportions for
 * each disease. Deterministic from the seeded random source.
 */
import { addDays, ageBandOf, daysBetween, type CaseReport, type Classification, type LabResult, type Outcome, type Random } from '@concord/core';
import type { WeekCount } from './surveillance-history.ts';

const GIVEN = ['Amina', 'Baraka', 'Chausiku', 'Deng', 'Esperance', 'Faraji', 'Grace', 'Hassan', 'Imani', 'Jean', 'Kemunto', 'Lokuru', 'Mugisha', 'Nyokabi', 'Odongo', 'Pendo', 'Rukundo', 'Sahra', 'Tumaini', 'Uwase', 'Wanjiru', 'Yohana', 'Zawadi', 'Ndayishimiye'];
const FAMILY = ['Okello', 'Mutua', 'Niyonzima', 'Kabila', 'Ahmed', 'Lado', 'Mwakasege', 'Nsengiyumva', 'Otieno', 'Kamau', 'Ilunga', 'Hakizimana', 'Warsame', 'Akol', 'Mushi', 'Byaruhanga'];
const DIAL: Record<string, string> = { BI: '+257', CD: '+243', KE: '+254', RW: '+250', SO: '+252', SS: '+211', TZ: '+255', UG: '+256' };

/** Case fatality ratios of the order WHO reports for each disease in the region. */
const CFR: Record<string, number> = { cholera: 0.015, measles: 0.02, mpox: 0.01, meningococcal: 0.08 };

const ageFor = (disease: string, random: Random): number => {
  const u = random.next();
  switch (disease) {
    case 'measles':
      return u < 0.55 ? random.int(0, 4) + (random.next() < 0.2 ? 0.5 : 0) : u < 0.9 ? random.int(5, 14) : random.int(15, 35);
    case 'meningococcal':
      return u < 0.2 ? random.int(1, 4) : u < 0.75 ? random.int(5, 29) : random.int(30, 60);
    case 'mpox':
      return u < 0.35 ? random.int(0, 14) : random.int(15, 50);
    default:
      return u < 0.2 ? random.int(0, 4) : u < 0.35 ? random.int(5, 14) : random.int(15, 75);
  }
};

const classify = (random: Random): { classification: Classification; labResult: LabResult } => {
  const u = random.next();
  if (u < 0.25) return { classification: 'confirmed', labResult: 'positive' };
  if (u < 0.4) return { classification: 'probable', labResult: random.next() < 0.5 ? 'pending' : 'not-tested' };
  return { classification: 'suspected', labResult: random.next() < 0.6 ? 'pending' : 'not-tested' };
};

/**
 * One case report per counted case of each line-list week. Report dates
 * fall inside the week and never after `today` (the current week is thinned
 * to the days it has had); onsets come 0–4 days before the report.
 */
export const syntheticCases = (weeks: readonly WeekCount[], today: string, random: Random): CaseReport[] => {
  const cases: CaseReport[] = [];
  const serial = new Map<string, number>();
  for (const week of weeks) {
    const days = Math.min(7, daysBetween(week.weekStart, today) + 1);
    if (days <= 0) continue;
    const count = days === 7 ? week.count : Math.round((week.count * days) / 7);
    for (let i = 0; i < count; i++) {
      const key = `${week.party}-${week.disease}`;
      const n = (serial.get(key) ?? 0) + 1;
      serial.set(key, n);
      const reportDate = addDays(week.weekStart, random.int(0, days - 1));
      const age = ageFor(week.disease, random);
      const { classification, labResult } = classify(random);
      const outcome: Outcome = random.next() < (CFR[week.disease] ?? 0.01) ? 'dead' : random.next() < 0.9 ? 'alive' : 'unknown';
      cases.push({
        clientId: `${week.party.toLowerCase()}-demo-${week.disease}-${String(n).padStart(6, '0')}`,
        party: week.party,
        area: week.area,
        facility: `${week.area} Health Centre ${random.int(1, 9)} (synthetic)`,
        disease: week.disease,
        onsetDate: addDays(reportDate, -random.int(0, 4)),
        reportDate,
        age,
        ageBand: ageBandOf(age),
        sex: random.next() < 0.5 ? 'female' : 'male',
        classification,
        outcome,
        labResult,
        patientName: `${random.pick(GIVEN)} ${random.pick(FAMILY)} (synthetic)`,
        phone: `${DIAL[week.party] ?? '+000'}700${String(random.int(0, 999_999)).padStart(6, '0')}`,
        nationalId: `SYN-${week.party}-${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
        village: `Synthetic village ${random.int(1, 400)}, ${week.area}`,
      });
    }
  }
  return cases;
};
