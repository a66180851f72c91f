import { seededRandom, type Random } from '@concord/core';
import { replay } from '@concord/core/stock/index';
import type { Db } from '../db/database.ts';
import * as pactRepo from '../modules/pact/pact.repo.ts';
import * as bulk from '../modules/stock/bulk.repo.ts';
import * as sharingRepo from '../modules/stock/sharing.repo.ts';
import { listStores, type Store } from '../modules/stock/stores.ts';
import { planColdChain, type TimedEvent } from './cold-chain-history.ts';
import { EAC_PARTIES } from './eac-region.ts';
import type { SeedStep } from './runner.ts';
import { planSharing } from './sharing-history.ts';
import { DEMAND, HOSPITAL_SHARE, seasonFactor, type DemandProfile } from './stock-demand.ts';
import { createSimulation, type Simulation } from './stock-simulation.ts';

/**
 * Three years of SYNTHETIC stock history for the demo region, up to the
 * moment of seeding: pooled-procurement receipts at the hub's stockpile and
 * the central medical stores, monthly transfers to hospitals, seasonal
 * consumption, expiries, damage, physical counts, cold-chain excursions
 * with their quarantines, and sharing requests under the pact. Built in
 * memory with core's FEFO and ledger rules, checked with replay(), then
 * bulk-loaded. Every row is flagged synthetic.
 */
const MONTHS = 36;
const PACT_ID = 'eac-health-security-pact';
const DAY = 86_400_000;
const ROUTINE = DEMAND.filter((d) => d.routine);

const at = (monthStart: Date, day: number, hour: number) => new Date(monthStart.getTime() + (day - 1) * DAY + hour * 3_600_000);
const monthsAfter = (start: Date, m: number) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));

interface Party {
  code: string;
  millions: number;
  cms: string;
  hospitals: { id: string; share: number }[];
  /** Quarterly procurement falls in a different month for each party. */
  offset: number;
}

const partiesOf = (stores: readonly Store[]): Party[] =>
  EAC_PARTIES.map((p, i) => ({
    code: p.code,
    millions: p.population / 1e6,
    cms: stores.find((s) => s.jurisdiction === p.code && s.level === 'national')!.id,
    hospitals: (['nrh', 'rh'] as const).map((kind) => ({ id: `${p.code}-${kind}`, share: HOSPITAL_SHARE[kind] })),
    offset: i % 3,
  }));

/** Shelf life left on arrival: mostly fresh, now and then a short-dated delivery (which is how lots come to expire). */
const remaining = (random: Random, profile: DemandProfile) => (random.next() < 0.08 ? random.int(4, 8) : profile.shelfMonths - random.int(1, 6));

/** A party's month: quarterly pooled procurement into the central store, requisitions to the hospitals, consumption twice a month. */
const partyOps = (random: Random, sim: Simulation, party: Party, monthStart: Date, m: number): TimedEvent[] => {
  const demand = (p: DemandProfile, share = 1) => p.perMillion * party.millions * share;
  const ops: TimedEvent[] = [];
  if ((m + party.offset) % 3 === 0 || m === 0) {
    const when = at(monthStart, 3, 9);
    const reference = `pooled procurement PO-${dateOf(when)} (synthetic)`;
    ops.push({ at: when, run: () => {
      for (const p of ROUTINE) {
        const order = Math.round(Math.max(0, 7 * demand(p) - sim.usable(party.cms, p.product, when)) / 10) * 10;
        sim.receive(party.cms, p.product, order, when, remaining(random, p), reference);
      }
    } });
  }
  for (const hospital of party.hospitals) {
    const when = at(monthStart, 5, 10);
    ops.push({ at: when, run: () => {
      for (const p of ROUTINE) {
        const max = 2.5 * demand(p, hospital.share);
        const need = Math.round(max - sim.usable(hospital.id, p.product, when));
        if (need > 0.05 * max) sim.transfer(party.cms, hospital.id, p.product, need, when, `requisition ${hospital.id} ${dateOf(when).slice(0, 7)} (synthetic)`);
      }
    } });
    for (const day of [10, 25]) {
      const on = at(monthStart, day, 11);
      ops.push({ at: on, run: () => {
        for (const p of ROUTINE) {
          const used = (demand(p, hospital.share) * seasonFactor(p, monthStart.getUTCMonth()) * (1 + 0.15 * random.normal())) / 2;
          sim.issue(hospital.id, p.product, Math.max(0, Math.round(used)), on);
        }
      } });
    }
  }
  return ops;
};

/** The hub's regional stockpile is topped up every six months when it has fallen 20 % short. */
const hubOps = (random: Random, sim: Simulation, hub: string, monthStart: Date, m: number): TimedEvent[] => {
  if (m % 6 !== 0) return [];
  const when = at(monthStart, 4, 9);
  return [{ at: when, run: () => {
    for (const p of DEMAND.filter((d) => d.hubStock)) {
      const gap = p.hubStock! - sim.usable(hub, p.product, when);
      if (gap > 0.2 * p.hubStock!) sim.receive(hub, p.product, Math.round(gap / 100) * 100, when, remaining(random, p), `regional stockpile top-up ${dateOf(when)} (synthetic)`);
    }
  } }];
};

/** Expired lots written off on the first of the month, rare damage mid-month, physical counts each quarter. */
const housekeepingOps = (random: Random, sim: Simulation, stores: readonly string[], monthStart: Date, m: number): TimedEvent[] => {
  const lots = () => stores.flatMap((store) => sim.onHand(store, DEMAND.map((d) => d.product)).map((l) => ({ store, ...l })));
  const expiry = at(monthStart, 1, 2);
  const damage = at(monthStart, 15, 14);
  const count = at(monthStart, 28, 16);
  const ops: TimedEvent[] = [
    { at: expiry, run: () => sim.expire(expiry) },
    { at: damage, run: () => {
      for (const lot of lots()) {
        if (random.next() >= 0.004) continue;
        const reason = random.pick(['damaged in handling (synthetic)', 'packaging broken (synthetic)', 'theft reported (synthetic)']);
        sim.loss(lot.store, lot.product, lot.lot, Math.max(1, Math.round(lot.quantity * (0.01 + random.next() * 0.03))), damage, reason);
      }
    } },
  ];
  if (m % 3 === 2) {
    ops.push({ at: count, run: () => {
      for (const lot of lots()) if (random.next() < 0.03) sim.adjust(lot.store, lot.product, lot.lot, Math.round(lot.quantity * (random.next() * 0.016 - 0.01)) || 1, count);
    } });
  }
  return ops;
};

const routineOps = (random: Random, sim: Simulation, parties: readonly Party[], hub: string, monthStart: Date, m: number): TimedEvent[] => {
  const stores = [hub, ...parties.flatMap((p) => [p.cms, ...p.hospitals.map((h) => h.id)])];
  return [
    ...housekeepingOps(random, sim, stores, monthStart, m),
    ...parties.flatMap((party) => partyOps(random, sim, party, monthStart, m)),
    ...hubOps(random, sim, hub, monthStart, m),
  ];
};

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** Runs every event up to `until` in time order; events may schedule further events. */
const runUntil = (queue: TimedEvent[], until: Date) => {
  for (;;) {
    let next = -1;
    for (let i = 0; i < queue.length; i += 1) if (queue[i]!.at < until && (next < 0 || queue[i]!.at < queue[next]!.at)) next = i;
    if (next < 0) return;
    const [event] = queue.splice(next, 1);
    event!.run();
  }
};

const loadPact = async (tx: Db) => {
  const versions = await pactRepo.listVersions(tx, PACT_ID);
  return { versions: versions.map((v) => v.document), events: pactRepo.toLifecycle(await pactRepo.listEvents(tx, PACT_ID)) };
};

export const stockHistorySeed: SeedStep = {
  name: 'stock-history',
  version: 1,
  description: 'three years of synthetic stock movements, cold-chain records and sharing requests',
  async run(tx, context) {
    const now = context.clock.now();
    const random = seededRandom('demo-stock/history');
    const stores = await listStores(tx);
    const parties = partiesOf(stores);
    const hub = stores.find((s) => s.level === 'hub')!.id;
    const mainStore = (code: string) => (code === 'EAC' ? hub : parties.find((p) => p.code === code)!.cms);
    const sim = createSimulation(random);
    const coldChain = planColdChain(random, stores, now, sim);
    const queue: TimedEvent[] = [...coldChain.events];
    const sharing = planSharing(random, await loadPact(tx), now, sim, mainStore, (event) => queue.push(event));
    const start = monthsAfter(now, -MONTHS);
    for (let m = 0; m <= MONTHS; m += 1) {
      const monthStart = monthsAfter(start, m);
      queue.push(...routineOps(random, sim, parties, hub, monthStart, m));
      runUntil(queue, new Date(Math.min(monthsAfter(start, m + 1).getTime(), now.getTime())));
    }
    // The history obeys core's ledger rule from the first entry to the last.
    replay(sim.entries.map((e) => ({ ...e, at: e.at.toISOString() })));
    const meta = { recordedAt: now, actor: 'system:seed (synthetic)', synthetic: true };
    await bulk.copyLots(tx, sim.lots(), true);
    const entries = await bulk.copyEntries(tx, sim.entries, meta);
    await bulk.rebuildBalances(tx);
    await bulk.copyDevices(tx, coldChain.devices.map((d) => ({ ...d, registeredAt: start })));
    const readings = await bulk.copyReadings(tx, coldChain.readings);
    await bulk.copyExcursions(tx, coldChain.excursions);
    await bulk.copyQuarantines(tx, coldChain.quarantines);
    await writeSharing(tx, sharing, now);
    await tx.exec('ANALYZE stock_entries; ANALYZE stock_balances; ANALYZE cold_chain_readings; ANALYZE stock_lots');
    return {
      synthetic: true,
      entries,
      lots: sim.lots().length,
      readings,
      excursions: coldChain.excursions.length,
      quarantines: coldChain.quarantines.length,
      requests: sharing.requests.length,
    };
  },
};

const writeSharing = async (tx: Db, history: ReturnType<typeof planSharing>, now: Date) => {
  for (const d of history.decisions) {
    await pactRepo.insertDecision(tx, {
      id: d.id, at: d.at, pactId: d.decision.pactId || null, pactVersion: d.decision.pactVersion || null, clauseId: d.decision.clauseId, effect: d.decision.effect,
      kind: 'stock-release', request: d.request, obligations: d.decision.obligations, reasons: d.decision.reasons, parties: [String(d.request.from), String(d.request.to)], actor: d.actor, purpose: null,
    });
  }
  for (const r of history.requests) {
    await sharingRepo.insertRequest(tx, r);
    const { status, approvedQuantity, decidedAt, decidedBy, decisionReason, shippedAt, shippedFrom, receivedAt, receivedInto, repayDue, repaidQuantity } = r;
    const changes = Object.fromEntries(Object.entries({ status, approvedQuantity, decidedAt, decidedBy, decisionReason, shippedAt, shippedFrom, receivedAt, receivedInto, repayDue, repaidQuantity }).filter(([, v]) => v !== undefined));
    await sharingRepo.updateRequest(tx, r.id, changes);
  }
  for (const p of history.repayments) await sharingRepo.insertRepayment(tx, p);
  await tx.query('UPDATE stock_requests SET synthetic = true WHERE id = ANY($1::uuid[])', [history.requests.map((r) => r.id)]);
  await tx.query('UPDATE stock_repayments SET synthetic = true WHERE id = ANY($1::uuid[])', [history.repayments.map((r) => r.id)]);
  // The clocks as the scheduled job would have flagged them by now.
  await sharingRepo.flagDecisionsOverdue(tx, now);
  await sharingRepo.flagRepaymentsOverdue(tx, now);
};
