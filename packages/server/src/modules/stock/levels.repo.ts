import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export interface LevelRow {
  party: string;
  store: string | null;
  product: string;
  onHand: number;
  usable: number;
  quarantined: number;
  expired: number;
  lots: number;
  earliestUsableExpiry: string | null;
}

const OPEN_QUARANTINE = `EXISTS (SELECT 1 FROM stock_quarantines sq
  WHERE sq.store = b.store AND sq.product = b.product AND sq.lot = b.lot AND sq.decided_at IS NULL)`;

/**
 * Stock on hand now, split into usable (not quarantined, not expired on
 * `today`), quarantined and expired, per party and product or per store.
 */
export const levels = (q: Queryable, filter: { jurisdictions?: readonly string[]; product?: string; byStore: boolean; levels?: readonly string[]; today: string }) => {
  const keys = filter.byStore ? 'party, store, product' : 'party, product';
  return q.query<R<LevelRow>>(
    `WITH lots AS (
       SELECT s.jurisdiction AS party, b.store, b.product, b.quantity, l.expiry, ${OPEN_QUARANTINE} AS quarantined
       FROM stock_balances b JOIN stock_stores s ON s.id = b.store JOIN stock_lots l ON l.product = b.product AND l.lot = b.lot
       WHERE b.quantity > 0 AND ($1::text[] IS NULL OR s.jurisdiction = ANY($1)) AND ($2::text IS NULL OR b.product = $2)
         AND ($4::text[] IS NULL OR s.level = ANY($4)))
     SELECT party, ${filter.byStore ? 'store' : 'NULL::text AS store'}, product, sum(quantity)::int8 AS "onHand",
       coalesce(sum(quantity) FILTER (WHERE NOT quarantined AND expiry >= $3::date), 0)::int8 AS usable,
       coalesce(sum(quantity) FILTER (WHERE quarantined AND expiry >= $3::date), 0)::int8 AS quarantined,
       coalesce(sum(quantity) FILTER (WHERE expiry < $3::date), 0)::int8 AS expired,
       count(*)::int8 AS lots,
       min(expiry) FILTER (WHERE NOT quarantined AND expiry >= $3::date) AS "earliestUsableExpiry"
     FROM lots GROUP BY ${keys} ORDER BY ${keys}`,
    [filter.jurisdictions ?? null, filter.product ?? null, filter.today, filter.levels ?? null],
  );
};

/** Units issued (consumed) per party, product and calendar month from `fromMonth` (YYYY-MM-01) up to before `toMonth`. */
export const monthlyIssues = (q: Queryable, filter: { jurisdictions?: readonly string[]; product?: string; fromMonth: string; toMonth: string }) =>
  q.query<R<{ party: string; product: string; month: string; quantity: number }>>(
    `SELECT s.jurisdiction AS party, e.product, to_char(date_trunc('month', e.at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, sum(e.quantity)::int8 AS quantity
     FROM stock_entries e JOIN stock_stores s ON s.id = e.store
     WHERE e.kind = 'issue' AND e.at >= ($3::date)::timestamp AT TIME ZONE 'UTC' AND e.at < ($4::date)::timestamp AT TIME ZONE 'UTC'
       AND ($1::text[] IS NULL OR s.jurisdiction = ANY($1)) AND ($2::text IS NULL OR e.product = $2)
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [filter.jurisdictions ?? null, filter.product ?? null, filter.fromMonth, filter.toMonth],
  );

export const expiringLots = (q: Queryable, filter: { jurisdictions?: readonly string[]; product?: string; today: string; until: string; limit: number }) =>
  q.query<R<{ party: string; store: string; product: string; lot: string; expiry: string; quantity: number; quarantined: boolean }>>(
    `SELECT s.jurisdiction AS party, b.store, b.product, b.lot, l.expiry, b.quantity, ${OPEN_QUARANTINE} AS quarantined
     FROM stock_balances b JOIN stock_stores s ON s.id = b.store JOIN stock_lots l ON l.product = b.product AND l.lot = b.lot
     WHERE b.quantity > 0 AND l.expiry >= $3::date AND l.expiry <= $4::date
       AND ($1::text[] IS NULL OR s.jurisdiction = ANY($1)) AND ($2::text IS NULL OR b.product = $2)
     ORDER BY l.expiry, s.jurisdiction, b.store, b.product, b.lot LIMIT $5`,
    [filter.jurisdictions ?? null, filter.product ?? null, filter.today, filter.until, filter.limit],
  );

/**
 * Stock per party and product at the end of a month (entries before
 * `before`), with the earliest expiry among lots still on hand then; the
 * store and lot dimensions are summed away.
 */
export const levelsAsOf = (q: Queryable, filter: { jurisdictions: readonly string[]; before: Date }) =>
  q.query<R<{ party: string; product: string; quantity: number; expiry: string }>>(
    `WITH lots AS (
       SELECT s.jurisdiction AS party, e.store, e.product, e.lot, sum(e.delta) AS quantity
       FROM stock_entries e JOIN stock_stores s ON s.id = e.store
       WHERE e.at < $2 AND s.jurisdiction = ANY($1)
       GROUP BY s.jurisdiction, e.store, e.product, e.lot HAVING sum(e.delta) > 0)
     SELECT lots.party, lots.product, sum(lots.quantity)::int8 AS quantity, min(l.expiry) AS expiry
     FROM lots JOIN stock_lots l ON l.product = lots.product AND l.lot = lots.lot
     GROUP BY lots.party, lots.product ORDER BY lots.party, lots.product`,
    [filter.jurisdictions, filter.before],
  );
