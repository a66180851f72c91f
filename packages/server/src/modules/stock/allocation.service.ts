import { randomUUID } from 'node:crypto';
import { badRequest, findProduct, isAppError } from '@concord/core';
import { allocateStock, type AllocationInput, type AllocationResult } from '@concord/core/allocation/index';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as levelsRepo from './levels.repo.ts';
import type { Sharing } from './sharing.service.ts';
import * as sharingRepo from './sharing.repo.ts';
import * as errors from './stock.errors.ts';
import { listStores, type Store } from './stores.ts';

export interface AllocationRequest {
  products: string[];
  /** Need per party and product; when left out, what open (pending) sharing requests ask for. */
  needs?: Record<string, Record<string, number>>;
  /** Weight per party; when left out, population relative to the mean of the parties in need. */
  weights?: Record<string, number>;
  /** Fair proportional floor, 0…1 (docs/allocation.md). */
  floor?: number;
  /** Cost per unit per 1 000 km of a route, so nearer sources go first; default 0.01. */
  costPer1000Km?: number;
  /** Turn the plan into sharing requests (each still decided by the pact). */
  createRequests?: boolean;
  reason?: string;
}

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), for a route's cost. */
export const distanceKm = (a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number => {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return 0;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
};

/**
 * Divides scarce stock among parties with core allocateStock (HiGHS LP).
 * Sources are the hub's and the parties' national stores with usable stock
 * (not quarantined, not expired); a party is never its own source, since
 * its need is what it lacks. Weights default to population.
 */
export const createAllocation = (deps: { db: Db; audit: AuditLog; clock: Clock; sharing: Sharing }) => {
  const { db, audit, clock, sharing } = deps;

  const needsOf = async (request: AllocationRequest) => {
    if (request.needs) return request.needs;
    const needs: Record<string, Record<string, number>> = {};
    for (const row of await sharingRepo.pendingNeeds(db, request.products)) (needs[row.borrower] ??= {})[row.product] = row.quantity;
    return needs;
  };

  /** Products from the catalogue, parties from the region: anything else is refused before the solver sees it. */
  const checkNames = async (products: string[], parties: string[]) => {
    for (const product of products) if (!findProduct(product)) throw errors.unknownProduct(product);
    const known = new Set((await db.query<{ code: string }>("SELECT code FROM jurisdictions WHERE kind = 'party'")).map((r) => r.code));
    const strangers = parties.filter((p) => !known.has(p));
    if (strangers.length > 0) throw badRequest('STOCK_ALLOCATION_INVALID', `invalid allocation input: ${strangers.join(', ')} not a party of the region`, { problems: strangers.map((p) => `needs.${p}: not a party`) });
  };

  const weightsOf = async (parties: string[], given: Record<string, number> | undefined) => {
    if (given) return Object.fromEntries(parties.map((p) => [p, given[p] ?? 1]));
    const rows = await db.query<{ code: string; population: number | null }>('SELECT code, population FROM jurisdictions WHERE code = ANY($1)', [parties]);
    const population = new Map(rows.map((r) => [r.code, r.population ?? 0]));
    const mean = parties.reduce((sum, p) => sum + (population.get(p) ?? 0), 0) / parties.length || 1;
    return Object.fromEntries(parties.map((p) => [p, Math.round(((population.get(p) ?? 0) / mean) * 1000) / 1000]));
  };

  const buildInput = async (request: AllocationRequest): Promise<{ input: AllocationInput; stores: Store[] }> => {
    const needs = await needsOf(request);
    const parties = Object.keys(needs).filter((p) => request.products.some((product) => (needs[p]?.[product] ?? 0) > 0));
    if (parties.length === 0) throw errors.allocationNoNeed();
    await checkNames(request.products, parties);
    const today = clock.now().toISOString().slice(0, 10);
    const stores = await listStores(db, { levels: ['hub', 'national'] });
    const supply = await levelsRepo.levels(db, { byStore: true, today, levels: ['hub', 'national'] });
    const sources = stores
      .map((store) => ({
        store,
        supply: Object.fromEntries(
          request.products.map((p) => [p, supply.find((r) => r.store === store.id && r.product === p)?.usable ?? 0]).filter(([, q]) => (q as number) > 0),
        ) as Record<string, number>,
      }))
      .filter((s) => Object.keys(s.supply).length > 0);
    if (sources.length === 0) throw errors.allocationNoSupply(request.products);
    const weights = await weightsOf(parties, request.weights);
    const destination = new Map(stores.map((s) => [s.jurisdiction, s]));
    const perKm = (request.costPer1000Km ?? 0.01) / 1000;
    const cost = sources.flatMap(({ store }) =>
      parties
        .filter((party) => party !== store.jurisdiction)
        .map((party) => ({ from: store.id, to: party, perUnit: Math.round(perKm * distanceKm(store, destination.get(party) ?? store) * 1e6) / 1e6 })),
    );
    const input: AllocationInput = {
      products: request.products,
      sources: sources.map((s) => ({ id: s.store.id, supply: s.supply })),
      parties: parties.map((party) => ({ id: party, weight: weights[party] ?? 1, need: Object.fromEntries(request.products.map((p) => [p, needs[party]?.[p] ?? 0])) })),
      cost,
      floor: request.floor ?? 0,
    };
    return { input, stores };
  };

  const summarise = (input: AllocationInput, result: AllocationResult) =>
    input.parties.flatMap((party) =>
      input.products.map((product) => {
        const need = party.need[product] ?? 0;
        const allocated = result.shipments.filter((s) => s.to === party.id && s.product === product).reduce((sum, s) => sum + s.quantity, 0);
        return { party: party.id, product, need, allocated, share: need === 0 ? null : Math.round((allocated / need) * 1000) / 1000 };
      }),
    );

  const plan = async (actor: Actor, request: AllocationRequest) => {
    if (request.createRequests && !request.needs) throw errors.allocationFromRequests();
    const { input, stores } = await buildInput(request);
    const result = await allocateStock(input);
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO stock_allocations (id, at, actor, input, result) VALUES ($1, $2, $3, $4, $5)', [id, clock.now(), actorLabel(actor), JSON.stringify(input), JSON.stringify(result)]);
      await audit.append(tx, actor, {
        action: 'stock.allocation-planned',
        entityType: 'stock-allocation',
        entityId: id,
        details: { products: input.products, parties: input.parties.length, sources: input.sources.length, objective: result.objective, shipments: result.shipments.length },
      });
    });
    const requests = request.createRequests ? await openRequests(actor, id, result, stores, request.reason) : { opened: [], refused: [] };
    return { id, input, result, byParty: summarise(input, result), ...requests };
  };

  /** One request per shipment, in whole units; the pact still decides each one. */
  const openRequests = async (actor: Actor, allocationId: string, result: AllocationResult, stores: Store[], reason = 'allocation of scarce stock') => {
    const opened: Awaited<ReturnType<Sharing['request']>>[] = [];
    const refused: { from: string; to: string; product: string; quantity: number; code: string; reasons: string[] }[] = [];
    for (const shipment of result.shipments) {
      const quantity = Math.floor(shipment.quantity);
      const lender = stores.find((s) => s.id === shipment.from)!.jurisdiction;
      if (quantity < 1) continue;
      try {
        opened.push(await sharing.request(actor, { product: shipment.product, quantity, from: lender, to: shipment.to, reason: `${reason} (plan ${allocationId})` }, { allocationId }));
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        refused.push({ from: lender, to: shipment.to, product: shipment.product, quantity, code: error.code, reasons: (error.params.reasons as string[] | undefined) ?? [error.message] });
      }
    }
    return { opened, refused };
  };

  return { plan, buildInput };
};

export type Allocation = ReturnType<typeof createAllocation>;
