import { randomUUID } from 'node:crypto';
import { AppError, PRODUCTS, findProduct } from '@concord/core';
import { detectExcursions, excursionRuleFor, parseReadingTime, vvmDecision, type TemperatureReading, type VvmSquare, type VvmStage } from '@concord/core/cold-chain/index';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as repo from './cold-chain.repo.ts';
import type { Ledger } from './ledger.service.ts';
import * as errors from './stock.errors.ts';
import { assertCanRead, assertCanWrite, findStore, readableJurisdictions } from './stores.ts';

export interface IngestReport {
  received: number;
  stored: number;
  duplicates: number;
  excursions: { id: string; device: string; type: 'heat' | 'freeze'; start: string; end: string; minutes: number; alarm: boolean; ongoing: boolean }[];
  quarantined: { id: string; store: string; product: string; lot: string; excursionId: string }[];
}

export interface QuarantineDecisionInput {
  vvm?: { stage: VvmStage } | { square: VvmSquare };
  shakeTest?: 'pass' | 'fail';
  /** For products without a VVM: the decision itself, with its reason. */
  action?: 'use' | 'discard';
  reason?: string;
}

/**
 * The cold-chain products a recorder's appliance holds: those whose
 * labelled storage range contains the appliance's range (a +2…+8 °C fridge
 * holds the +2…+8 °C vaccines; a −80…−60 °C freezer holds rVSV-ZEBOV).
 */
export const productsIn = (device: { minC: number; maxC: number }): string[] =>
  PRODUCTS.filter((p) => p.coldChain && p.storage.minC <= device.minC && device.maxC <= p.storage.maxC).map((p) => p.id);

const HOUR = 3_600_000;
// Re-detection looks back this far before the first new reading, so an
// excursion that began in an earlier upload is judged whole.
const LOOK_BACK_MS = 12 * HOUR;

export const createColdChain = (deps: { db: Db; audit: AuditLog; clock: Clock; ledger: Ledger }) => {
  const { db, audit, clock, ledger } = deps;

  const registerDevice = (actor: Actor, input: { id: string; store: string; label: string; minC?: number; maxC?: number }) =>
    db.transaction(async (tx) => {
      const store = await findStore(tx, input.store);
      assertCanWrite(actor, store);
      const device = { id: input.id, store: store.id, label: input.label, minC: input.minC ?? 2, maxC: input.maxC ?? 8, registeredAt: clock.now() };
      if (device.minC >= device.maxC) throw errors.deviceRangeInvalid(device.minC, device.maxC);
      if (!(await repo.insertDevice(tx, device))) throw errors.deviceExists(input.id);
      await audit.append(tx, actor, { action: 'coldchain.device-registered', entityType: 'cold-chain-device', entityId: device.id, jurisdiction: store.jurisdiction, details: device });
      return { ...device, jurisdiction: store.jurisdiction, products: productsIn(device) };
    });

  const devices = async (actor: Actor, filter: { store?: string }) =>
    (await repo.listDevices(db, { store: filter.store, jurisdictions: readableJurisdictions(actor) })).map((d) => ({ ...d, products: productsIn(d) }));

  /**
   * Stores readings batch by batch in one transaction (all or nothing),
   * then re-judges each device's record around the new readings with core's
   * WHO PQS rule for its range, and quarantines the exposed lots of every
   * excursion that has just raised its alarm.
   */
  const ingest = (actor: Actor, batches: AsyncIterable<SourcedReading[]> | Iterable<SourcedReading[]>): Promise<IngestReport> =>
    db.transaction(async (tx) => {
      const now = clock.now();
      let index = 0;
      const known = new Map<string, repo.Device>();
      const span = new Map<string, { from: number; to: number }>();
      const report: IngestReport = { received: 0, stored: 0, duplicates: 0, excursions: [], quarantined: [] };
      for await (const raw of batches) {
        if (raw.length === 0) continue;
        const batch = raw.map((reading) => normaliseReading(reading, index++, now));
        await admitDevices(tx, actor, batch, known);
        const columns = { device: batch.map((r) => r.device), time: batch.map((r) => new Date(r.time)), celsius: batch.map((r) => r.celsius) };
        const conflict = (await repo.conflictingReadings(tx, columns))[0] ?? withinBatchConflict(batch);
        if (conflict) throw errors.readingConflict(conflict.device, new Date(conflict.time).toISOString(), conflict.stored, conflict.celsius);
        const stored = await repo.insertReadings(tx, columns);
        report.received += batch.length;
        report.stored += stored;
        for (const [i, device] of columns.device.entries()) {
          const at = columns.time[i]!.getTime();
          const seen = span.get(device);
          span.set(device, { from: Math.min(seen?.from ?? at, at), to: Math.max(seen?.to ?? at, at) });
        }
      }
      report.duplicates = report.received - report.stored;
      for (const [id, window] of span) await judgeDevice(tx, actor, known.get(id)!, new Date(window.from), report);
      await audit.append(tx, actor, {
        action: 'coldchain.readings-received',
        entityType: 'cold-chain-readings',
        entityId: [...span.keys()].join(',').slice(0, 200),
        jurisdiction: [...known.values()][0]?.jurisdiction ?? null,
        details: { received: report.received, stored: report.stored, excursions: report.excursions.length, quarantined: report.quarantined.length },
      });
      return report;
    });

  const admitDevices = async (tx: Db, actor: Actor, batch: readonly TemperatureReading[], known: Map<string, repo.Device>) => {
    const missing = [...new Set(batch.map((r) => r.device))].filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const found = await repo.listDevices(tx, { ids: missing });
    for (const device of found) {
      assertCanWrite(actor, await findStore(tx, device.store));
      known.set(device.id, device);
    }
    const unknown = missing.find((id) => !known.has(id));
    if (unknown) throw errors.deviceNotFound(unknown);
  };

  const judgeDevice = async (tx: Db, actor: Actor, device: repo.Device, firstNew: Date, report: IngestReport) => {
    const lookBack = new Date(firstNew.getTime() - LOOK_BACK_MS);
    const earliest = await repo.excursionStartBefore(tx, device.id, lookBack);
    const from = earliest && earliest < lookBack ? earliest : lookBack;
    const readings = (await repo.readingsFrom(tx, device.id, from)).map((r) => ({ device: device.id, time: r.time.toISOString(), celsius: r.celsius }));
    const now = clock.now();
    for (const excursion of detectExcursions(readings, excursionRuleFor({ storage: { minC: device.minC, maxC: device.maxC } }))) {
      const row = await repo.upsertExcursion(tx, device, excursion, now);
      const { start, end, minutes, alarm, ongoing, type } = excursion;
      report.excursions.push({ id: row.id, device: device.id, type, start, end, minutes, alarm, ongoing });
      if (row.alarm && !row.alarmedAt) {
        await repo.markAlarmed(tx, row.id, now);
        report.quarantined.push(...(await quarantineExposed(tx, actor, device, row.id, excursion)));
      }
    }
  };

  const quarantineExposed = async (tx: Db, actor: Actor, device: repo.Device, excursionId: string, e: { type: string; start: string; end: string; extremeC: number }) => {
    const lots = await repo.lotsExposed(tx, device.store, productsIn(device), new Date(e.start), new Date(e.end));
    if (lots.length === 0) return [];
    const reason = `${e.type} alarm on ${device.id} from ${e.start} to ${e.end} (extreme ${e.extremeC} °C)`;
    const opened = await repo.openQuarantines(tx, lots.map((l) => ({ store: device.store, product: l.product, lot: l.lot, excursionId, reason })), clock.now());
    await audit.append(tx, actor, {
      action: 'stock.quarantined',
      entityType: 'cold-chain-excursion',
      entityId: excursionId,
      jurisdiction: device.jurisdiction,
      details: { store: device.store, device: device.id, reason, lots: opened.map(({ product, lot }) => ({ product, lot })) },
    });
    return opened.map((q) => ({ id: q.id, store: device.store, product: q.product, lot: q.lot, excursionId }));
  };

  /**
   * Releases or discards a quarantined lot. Products with a VVM are judged
   * by core vvmDecision (stage 1 use, 2 use first, 3–4 discard; expired
   * always discard); a failed shake test after freezing discards whatever
   * the VVM says, since a VVM cannot show freezing. A discard writes the
   * lot's whole balance off as a loss in the same transaction.
   */
  const decide = (actor: Actor, id: string, input: QuarantineDecisionInput) =>
    db.transaction(async (tx) => {
      const quarantine = await repo.findQuarantine(tx, id, true);
      if (!quarantine) throw errors.quarantineNotFound(id);
      const store = await findStore(tx, quarantine.store);
      assertCanWrite(actor, store);
      if (quarantine.decidedAt) throw errors.quarantineDecided(id);
      const now = clock.now();
      const outcome = judge(quarantine, input, now.toISOString().slice(0, 10));
      let discarded: number | null = null;
      if (outcome.action === 'discard' && quarantine.onHand > 0) {
        await ledger.append(tx, actor, [
          { store: store.id, product: quarantine.product, lot: quarantine.lot, kind: 'loss', quantity: quarantine.onHand, at: now, movement: randomUUID(), reference: `quarantine:${id}`, reason: `cold chain: ${outcome.reason}` },
        ]);
        discarded = quarantine.onHand;
      }
      const decision = { at: now, by: actorLabel(actor), vvmStage: outcome.stage, shakeTest: input.shakeTest ?? null, action: outcome.action, reason: outcome.reason, discarded };
      await repo.decideQuarantine(tx, id, decision);
      await audit.append(tx, actor, {
        action: 'stock.quarantine-decided',
        entityType: 'stock-quarantine',
        entityId: id,
        jurisdiction: store.jurisdiction,
        details: { store: store.id, product: quarantine.product, lot: quarantine.lot, ...decision, at: now.toISOString() },
      });
      return { ...quarantine, decidedAt: now, decidedBy: decision.by, vvmStage: outcome.stage, shakeTest: decision.shakeTest, action: outcome.action, decisionReason: outcome.reason, discarded };
    });

  const judge = (quarantine: repo.QuarantineRow, input: QuarantineDecisionInput, today: string) => {
    const product = findProduct(quarantine.product)!;
    const expired = quarantine.expiry < today;
    if (input.shakeTest === 'fail') return { stage: null, action: 'discard' as const, reason: 'shake test failed: the vaccine was frozen' };
    if (product.vvm) {
      if (!input.vvm) throw errors.vvmRequired(product.id);
      const decision = vvmDecision(input.vvm, { expired });
      return { stage: decision.stage as number, action: decision.action, reason: decision.reason };
    }
    if (input.vvm || !input.action || !input.reason) throw errors.noVvm(product.id);
    if (expired) return { stage: null, action: 'discard' as const, reason: 'past its expiry date' };
    return { stage: null, action: input.action, reason: input.reason };
  };

  const scoped = (actor: Actor, filter: { store?: string; party?: string }) => {
    if (filter.party) assertCanRead(actor, filter.party);
    return filter.party ? [filter.party] : readableJurisdictions(actor);
  };

  const excursions = async (actor: Actor, filter: { store?: string; party?: string; device?: string; alarm?: boolean; since?: Date; limit: number }) =>
    repo.listExcursions(db, { ...filter, jurisdictions: scoped(actor, filter) });

  const quarantines = async (actor: Actor, filter: { store?: string; party?: string; open?: boolean; limit: number }) =>
    repo.listQuarantines(db, { ...filter, jurisdictions: scoped(actor, filter) });

  const readings = async (actor: Actor, deviceId: string, window: { from: Date; to: Date; limit: number }) => {
    const device = (await repo.listDevices(db, { ids: [deviceId] }))[0];
    if (!device) throw errors.deviceNotFound(deviceId);
    assertCanRead(actor, device.jurisdiction);
    return { device: { ...device, products: productsIn(device) }, readings: await repo.readingsFrom(db, device.id, window.from, window.to, window.limit) };
  };

  return { registerDevice, devices, ingest, decide, excursions, quarantines, readings };
};

export type ColdChain = ReturnType<typeof createColdChain>;

/** A reading as received, with the CSV line it came from when it came from a file. */
export type SourcedReading = TemperatureReading & { line?: number };

const invalidReading = (where: { line?: number; index: number }, reason: string) =>
  new AppError('COLDCHAIN_READING_INVALID', `${where.line !== undefined ? `line ${where.line}` : `reading ${where.index}`}: ${reason}`, {
    status: 400,
    params: { ...where, reason },
  });

/**
 * Checks one reading and writes its time as a UTC instant. Times without an
 * offset are UTC, as core reads them; a reading from the future means the
 * recorder's clock is wrong and is refused rather than raising false alarms.
 */
export const normaliseReading = (reading: SourcedReading, index: number, now: Date): TemperatureReading => {
  const where = reading.line !== undefined ? { line: reading.line, index } : { index };
  if (typeof reading.device !== 'string' || reading.device.length === 0 || reading.device.length > 64) {
    throw invalidReading(where, 'device must be 1 to 64 characters');
  }
  const at = typeof reading.time === 'string' ? parseReadingTime(reading.time) : undefined;
  if (at === undefined) throw invalidReading(where, `time must be an ISO 8601 date-time, got "${String(reading.time)}"`);
  if (at > now.getTime()) throw invalidReading(where, `time ${reading.time} is in the future`);
  if (typeof reading.celsius !== 'number' || !Number.isFinite(reading.celsius) || Math.abs(reading.celsius) > 200) {
    throw invalidReading(where, 'celsius must be a temperature between -200 and 200');
  }
  return { device: reading.device, time: new Date(at).toISOString(), celsius: reading.celsius };
};

const withinBatchConflict = (batch: readonly TemperatureReading[]) => {
  const seen = new Map<string, number>();
  for (const r of batch) {
    const key = `${r.device}\u0000${new Date(r.time).getTime()}`;
    const stored = seen.get(key);
    if (stored !== undefined && stored !== r.celsius) return { device: r.device, time: r.time, celsius: r.celsius, stored };
    seen.set(key, r.celsius);
  }
  return undefined;
};
