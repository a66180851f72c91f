import { dropFields, suppressionK, type Obligation } from '@concord/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { PUBLIC_READER, type DataAccess } from '../governance/index.ts';
import * as repo from './levels.repo.ts';
import * as errors from './stock.errors.ts';
import { listStores } from './stores.ts';


const aggregation = (obligations: readonly Obligation[]) => obligations.find((o): o is Extract<Obligation, { type: 'aggregate-to' }> => o.type === 'aggregate-to');

/**
 * Public stock levels: for each party, only what a data-sharing clause in
 * force lets it publish (dataset stock-levels, purpose public-reporting,
 * recipient public), shaped by the clause's obligations — aggregated to the
 * country and the month (stock on hand at the end of the month, or now for
 * the current month; expiry to the month), fields outside the clause
 * dropped, small quantities suppressed if the clause asks — and each grant
 * recorded in the access log. A party no clause covers is listed as
 * withheld with the pact's reasons.
 */
export const createPublicLevels = (deps: { db: Db; clock: Clock; access: DataAccess }) => {
  const { db, clock, access } = deps;

  const monthWindow = (month: string | undefined) => {
    const now = clock.now();
    const current = now.toISOString().slice(0, 7);
    const chosen = month ?? current;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(chosen) || chosen > current) throw errors.monthInvalid(chosen);
    const [year, m] = chosen.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(year, m, 1));
    return { month: chosen, before: end < now ? end : now, complete: end <= now };
  };

  const levels = async (query: { month?: string }) => {
    const window = monthWindow(query.month);
    const parties = [...new Set((await listStores(db)).map((s) => s.jurisdiction))];
    const decided = await access.authorizeForPublic(parties, { dataset: 'stock-levels', granularity: { place: 'country', time: 'month' } });
    const published: Record<string, unknown>[] = [];
    const grants: { party: string; clauseId: string | null; pactVersion: number | null }[] = [];
    for (const [party, grant] of decided.grants) {
      const shaped = await shape(party, grant.obligations, window.before);
      await access.record(db, PUBLIC_READER, grant, { records: shaped.length, fields: [...new Set(shaped.flatMap((r) => Object.keys(r)))] });
      published.push(...shaped);
      grants.push({ party, clauseId: grant.clauseId, pactVersion: grant.pactVersion });
    }
    return { month: window.month, asOf: window.before.toISOString(), complete: window.complete, synthetic: true, levels: published, grants, withheld: decided.withheld };
  };

  const shape = async (party: string, obligations: Obligation[], before: Date) => {
    const time = aggregation(obligations)?.time ?? 'month';
    const rows = await repo.levelsAsOf(db, { jurisdictions: [party], before });
    const k = suppressionK(obligations);
    const records = rows.map((row) => {
      const hide = k !== null && row.quantity > 0 && row.quantity < k;
      // Expiry is reported no finer than the clause's time granularity allows.
      const expiry = time === 'day' ? row.expiry : row.expiry.slice(0, 7);
      return { party, store: null, product: row.product, lot: null, quantity: hide ? null : row.quantity, expiry, suppressed: hide };
    });
    return dropFields(records, obligations);
  };

  return { levels };
};

export type PublicLevels = ReturnType<typeof createPublicLevels>;
