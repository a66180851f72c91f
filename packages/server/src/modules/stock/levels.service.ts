import { monthsOfStock } from '@concord/core/stock/index';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { PactService } from '../pact/pact.service.ts';
import * as repo from './levels.repo.ts';
import { assertCanRead, readableJurisdictions } from './stores.ts';

const DAY = 86_400_000;
/** Average monthly consumption covers the last three complete months (USAID DELIVER Logistics Handbook). */
export const AMC_MONTHS = 3;

const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** The first day of the month `back` months before the month of `at`, as YYYY-MM-DD. */
export const monthStart = (at: Date, back = 0): string => {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1));
  return dateOf(d);
};

export interface ReserveLine {
  pactId: string;
  pactVersion: number;
  clauseId: string;
  party: string;
  product: string;
  share: number;
  nationalStock: number;
  owed: number;
  held: number;
  compliant: boolean;
  /** held / owed; null when nothing is owed. */
  coverage: number | null;
}

export const createLevels = (deps: { db: Db; clock: Clock; pact: PactService }) => {
  const { db, clock, pact } = deps;

  const scope = (actor: Actor, party?: string) => {
    if (party) assertCanRead(actor, party);
    return party ? [party] : readableJurisdictions(actor);
  };

  /**
   * Stock by party and product (or by store), with months of stock: usable
   * stock over the average of the last three complete months' issues (core
   * monthsOfStock; null when nothing was issued).
   */
  const levels = async (actor: Actor, filter: { party?: string; product?: string; byStore?: boolean }) => {
    const jurisdictions = scope(actor, filter.party);
    const now = clock.now();
    const rows = await repo.levels(db, { jurisdictions, product: filter.product, byStore: filter.byStore ?? false, today: dateOf(now) });
    const months = Array.from({ length: AMC_MONTHS }, (_, i) => monthStart(now, AMC_MONTHS - i).slice(0, 7));
    const issues = await repo.monthlyIssues(db, { jurisdictions, product: filter.product, fromMonth: monthStart(now, AMC_MONTHS), toMonth: monthStart(now) });
    const consumption = (party: string, product: string) =>
      months.map((month) => issues.find((i) => i.party === party && i.product === product && i.month === month)?.quantity ?? 0);
    return {
      asOf: now.toISOString(),
      amcMonths: months,
      levels: rows.map((row) => {
        // Per store, consumption is the party's; months of stock is a national figure and shown on party rows only.
        const monthly = consumption(row.party, row.product);
        return {
          ...row,
          averageMonthlyConsumption: filter.byStore ? null : monthly.reduce((a, b) => a + b, 0) / monthly.length,
          monthsOfStock: filter.byStore ? null : monthsOfStock(row.usable, monthly, AMC_MONTHS),
        };
      }),
    };
  };

  const expiring = async (actor: Actor, filter: { party?: string; product?: string; days: number; limit: number }) => {
    const now = clock.now();
    const today = dateOf(now);
    const until = dateOf(new Date(now.getTime() + filter.days * DAY));
    const lots = await repo.expiringLots(db, { jurisdictions: scope(actor, filter.party), product: filter.product, today, until, limit: filter.limit });
    return {
      today,
      until,
      lots: lots.map((lot) => ({ ...lot, daysLeft: Math.round((Date.parse(`${lot.expiry}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY) })),
    };
  };

  /**
   * Reserves owed under each stockpile-sharing clause in force, with each
   * party's compliance. Rule: a party owes `share` (from the pact's
   * hold-reserve duty) of its national usable stock of each product of the
   * clause, rounded up, and holds in reserve the usable stock of its
   * national store(s) — the central medical store, from which a release is
   * shipped. Compliant when held ≥ owed.
   */
  const reserves = async (actor: Actor, filter: { party?: string }) => {
    const parties = scope(actor, filter.party);
    const today = dateOf(clock.now());
    const national = await repo.levels(db, { jurisdictions: parties, byStore: false, today });
    const reserve = await repo.levels(db, { jurisdictions: parties, byStore: false, today, levels: ['national'] });
    const usable = (rows: repo.LevelRow[], party: string, product: string) => rows.find((r) => r.party === party && r.product === product)?.usable ?? 0;
    const lines: ReserveLine[] = [];
    for (const { pact: document } of await pact.inForce()) {
      const members = document.parties.map((p) => p.code).filter((code) => !parties || parties.includes(code));
      for (const party of members) {
        const { pactVersion, duties } = await pact.duties(document.id, party);
        for (const duty of duties) {
          if (duty.type !== 'hold-reserve') continue;
          for (const product of duty.products) {
            const nationalStock = usable(national, party, product);
            const owed = Math.ceil(duty.share * nationalStock);
            const held = usable(reserve, party, product);
            lines.push({
              pactId: document.id, pactVersion: pactVersion ?? document.version, clauseId: duty.clauseId, party, product, share: duty.share,
              nationalStock, owed, held, compliant: held >= owed, coverage: owed === 0 ? null : Math.round((held / owed) * 1000) / 1000,
            });
          }
        }
      }
    }
    const summary = [...new Set(lines.map((l) => l.party))].map((party) => {
      const mine = lines.filter((l) => l.party === party);
      return { party, products: mine.length, compliant: mine.filter((l) => l.compliant).length };
    });
    return { asOf: clock.now().toISOString(), rule: 'owed = ceil(share × national usable stock); held = usable stock at the national store', reserves: lines, summary };
  };

  return { levels, expiring, reserves };
};

export type Levels = ReturnType<typeof createLevels>;
