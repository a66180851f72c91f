import type { Role } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { reaches } from '../../actor.ts';
import type { Queryable } from '../../db/database.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import * as errors from './stock.errors.ts';

/**
 * Stores are the region's facilities that hold stock (the stock_stores
 * view): the hub's regional stockpile, each party's central medical store
 * and its hospitals. Who may record movements is decided here, once.
 */
export type StoreLevel = 'hub' | 'national' | 'facility';

export interface Store {
  id: string;
  jurisdiction: string;
  name: string;
  level: StoreLevel;
  latitude: number | null;
  longitude: number | null;
  synthetic: boolean;
}

/** A party's store staff and ministry record its stock; at the hub, its coordinator and procurement officers. */
export const PARTY_WRITERS: readonly Role[] = ['facility-staff', 'procurement-officer', 'national-focal-point'];
export const HUB_WRITERS: readonly Role[] = ['hub-coordinator', 'procurement-officer'];

const COLUMNS = 'id, jurisdiction, name, level, latitude, longitude, synthetic';

export const listStores = (q: Queryable, filter: { jurisdictions?: readonly string[]; levels?: readonly StoreLevel[] } = {}) =>
  q.query<Store & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM stock_stores
     WHERE ($1::text[] IS NULL OR jurisdiction = ANY($1)) AND ($2::text[] IS NULL OR level = ANY($2))
     ORDER BY jurisdiction, CASE level WHEN 'hub' THEN 0 WHEN 'national' THEN 1 ELSE 2 END, id`,
    [filter.jurisdictions ?? null, filter.levels ?? null],
  );

export const findStore = async (q: Queryable, id: string): Promise<Store> => {
  const rows = await q.query<Store & Record<string, unknown>>(`SELECT ${COLUMNS} FROM stock_stores WHERE id = $1`, [id]);
  if (!rows[0]) throw errors.storeNotFound(id);
  return rows[0];
};

/** The store that stands for a party in cross-border movements: its national (or the hub's) store. */
export const mainStoreOf = async (q: Queryable, jurisdiction: string): Promise<Store> => {
  const rows = await listStores(q, { jurisdictions: [jurisdiction], levels: ['hub', 'national'] });
  if (!rows[0]) throw errors.storeNotFound(`${jurisdiction} (no national store)`);
  return rows[0];
};

export const writersOf = (store: Pick<Store, 'level'>): readonly Role[] => (store.level === 'hub' ? HUB_WRITERS : PARTY_WRITERS);

/**
 * Only people of the store's own jurisdiction record its movements, even
 * the hub's (it reaches the region to read, not to count another
 * country's shelves); the node itself (seed, jobs) may.
 */
export const assertCanWrite = (actor: Actor, store: Store): void => {
  if (actor.kind === 'system') return;
  if (actor.jurisdiction !== store.jurisdiction) throw outOfScope(store.jurisdiction);
  const roles = writersOf(store);
  if (!roles.some((role) => actor.roles.includes(role))) throw errors.roleNotAllowed(store.id, roles);
};

export const assertCanRead = (actor: Actor, jurisdiction: string): void => {
  if (!reaches(actor, jurisdiction)) throw outOfScope(jurisdiction);
};

/** The jurisdictions an actor's reads cover: all for the hub and the node, else its own. */
export const readableJurisdictions = (actor: Actor): string[] | undefined =>
  actor.kind === 'system' || actor.regionWide ? undefined : [actor.jurisdiction];
