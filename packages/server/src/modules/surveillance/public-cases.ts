import { addDays, dropFields, findDisease, suppressionK } from '@concord/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { PUBLIC_READER, type DataAccess } from '../governance/index.ts';
import { regionRepo } from '../region/index.ts';
import { currentWeek, mondayOf } from './detection.service.ts';
import { nationalWeeklyCounts } from './public-cases.repo.ts';
import { mondaysBetween, nationalSeries } from './public-series.ts';
import * as errors from './surveillance.errors.ts';

/** Who reads on behalf of an anonymous visitor of the public dashboard (as for public stock levels). */

/** The fields of the aggregate-counts dataset a public cell carries; the clause must allow each. */
const FIELDS = ['party', 'disease', 'period', 'count'];
/** One year by default; at most three, which the demo's history covers. */
export const DEFAULT_WEEKS = 52;
export const MAX_WEEKS = 156;

export interface PublicCasesQuery {
  disease?: string;
  from?: string;
  to?: string;
}

/**
 * Weekly national case counts per party and disease for anyone, built like
 * the public stock levels: for each party the pact decides (dataset
 * aggregate-counts, purpose public-reporting, recipient public, country ×
 * week); a party no clause covers is listed as withheld with the pact's
 * reasons; a granted party's counts are shaped by the clause's obligations
 * (national totals only, the clause's fields, cells under its k withheld)
 * and each grant is recorded in the access log.
 */
export const createPublicCases = (deps: { db: Db; clock: Clock; access: DataAccess }) => {
  const { db, clock, access } = deps;

  /** Whole ISO weeks, ending with the last complete one: a week still under way would read as a fall. */
  const window = (query: PublicCasesQuery) => {
    const lastComplete = addDays(currentWeek(clock.now()), -7);
    const asked = query.to ? mondayOf(query.to) : lastComplete;
    const to = asked < lastComplete ? asked : lastComplete;
    const from = query.from ? mondayOf(query.from) : addDays(to, -7 * (DEFAULT_WEEKS - 1));
    const weeks = mondaysBetween(from, to);
    if (weeks.length === 0 || weeks.length > MAX_WEEKS) throw errors.publicWindowInvalid(from, to, MAX_WEEKS);
    return { from, to, weeks };
  };

  const cases = async (query: PublicCasesQuery) => {
    const { from, to, weeks } = window(query);
    const parties = (await regionRepo.listJurisdictions(db)).filter((j) => j.kind === 'party').map((j) => j.code);
    const { grants, withheld } = await access.authorizeForPublic(parties, {
      dataset: 'aggregate-counts',
      fields: FIELDS,
      granularity: { place: 'country', time: 'week' },
      ...(query.disease ? { disease: query.disease } : {}),
    });
    const permitted = [...grants.keys()];
    const channels = permitted.length === 0 ? { lineList: [], reported: [] } : await nationalWeeklyCounts(db, { parties: permitted, disease: query.disease, from, to });
    const kOf = (party: string) => suppressionK(grants.get(party)!.obligations);
    const series = nationalSeries(channels, weeks, kOf);
    const published = [];
    for (const [party, grant] of grants) {
      const shaped = dropFields(
        series.filter((cell) => cell.party === party),
        grant.obligations,
      );
      await access.record(db, PUBLIC_READER, grant, { records: shaped.length, fields: FIELDS });
      published.push(...shaped);
    }
    const diseases = [...new Set(published.map((c) => c.disease as string))].sort().map((code) => ({ code, name: findDisease(code)?.name ?? { en: code, fr: code } }));
    return {
      from,
      to,
      weeks: weeks.length,
      asOf: clock.now().toISOString(),
      suppression: Object.fromEntries(permitted.map((party) => [party, kOf(party)])),
      diseases,
      cells: published,
      grants: permitted.map((party) => ({ party, clauseId: grants.get(party)!.clauseId, pactVersion: grants.get(party)!.pactVersion })),
      withheld,
    };
  };

  return { cases };
};

export type PublicCases = ReturnType<typeof createPublicCases>;
