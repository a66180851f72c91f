import { findProduct, type Random } from '@concord/core';
import { detectExcursions, excursionRuleFor, type Excursion } from '@concord/core/cold-chain/index';
import type { ExcursionRecord, QuarantineRecord } from '../modules/stock/bulk.repo.ts';
import { productsIn } from '../modules/stock/cold-chain.service.ts';
import type { Store } from '../modules/stock/stores.ts';
import { seededUuid, type Simulation } from './stock-simulation.ts';

/**
 * The demo's cold chain (SYNTHETIC): a recorder in every store's cold room
 * or fridge (and an ultra-cold freezer at the hub), the last 30 days of
 * 10-minute readings, a few heat and freeze excursions over the years with
 * the lots they put in quarantine and the decisions taken on them.
 * Recent excursions are found by core's WHO PQS rule in the generated
 * readings, exactly as an upload would find them.
 */
export interface DeviceSpec {
  id: string;
  store: string;
  label: string;
  minC: number;
  maxC: number;
}

interface Incident {
  device: DeviceSpec;
  type: 'heat' | 'freeze';
  start: Date;
  minutes: number;
  extremeC: number;
  /** Base VVM stage seen afterwards (a less heat-stable VVM14 vaccine reads one stage worse); null leaves the quarantine open. */
  stage: 1 | 2 | 3 | null;
  shakeTest?: 'pass' | 'fail';
}

const MINUTE = 60_000;
const DAY = 86_400_000;
export const READINGS_DAYS = 30;

export const devicesFor = (stores: readonly Store[]): DeviceSpec[] =>
  stores.flatMap((store) => {
    const room = store.level === 'facility' ? { suffix: 'fr1', label: 'Vaccine refrigerator' } : { suffix: 'cr1', label: 'Cold room' };
    const devices: DeviceSpec[] = [{ id: `${store.id}-${room.suffix}`, store: store.id, label: `${room.label} 30-DTR (synthetic)`, minC: 2, maxC: 8 }];
    if (store.level === 'hub') devices.push({ id: `${store.id}-ult1`, store: store.id, label: 'Ultra-cold freezer 30-DTR (synthetic)', minC: -80, maxC: -60 });
    return devices;
  });

/** Excursions planned at offsets from now: recent ones (inside the readings) and older ones (records only). */
const planIncidents = (random: Random, devices: readonly DeviceSpec[], now: Date): Incident[] => {
  const fridge = (id: string) => devices.find((d) => d.id === id)!;
  const ago = (days: number, hour: number) => new Date(Math.floor(now.getTime() / DAY) * DAY - days * DAY + hour * 3_600_000);
  const incidents: Incident[] = [
    { device: fridge('TZ-rh-fr1'), type: 'heat', start: ago(20, 1), minutes: 14 * 60, extremeC: 13.4, stage: 2 },
    { device: fridge('KE-nrh-fr1'), type: 'freeze', start: ago(9, 3), minutes: 120, extremeC: -2.6, stage: 1, shakeTest: 'pass' },
    { device: fridge('UG-cms-cr1'), type: 'heat', start: ago(3, 6), minutes: 11 * 60, extremeC: 11.8, stage: null },
    { device: fridge('SO-cms-cr1'), type: 'heat', start: ago(25, 10), minutes: 6 * 60, extremeC: 10.2, stage: 1 },
    { device: fridge('RW-nrh-fr1'), type: 'freeze', start: ago(14, 22), minutes: 40, extremeC: -0.8, stage: 1 },
  ];
  // Older excursions, one every four to seven months somewhere in the region.
  const candidates = devices.filter((d) => d.minC === 2);
  for (let days = 120; days < 3 * 365; days += random.int(120, 210)) {
    const heat = random.next() < 0.7;
    incidents.push({
      device: random.pick(candidates),
      type: heat ? 'heat' : 'freeze',
      start: ago(days, random.int(0, 20)),
      minutes: heat ? random.int(11, 30) * 60 : random.int(70, 240),
      extremeC: heat ? Math.round((10 + random.next() * 8) * 10) / 10 : Math.round((-1 - random.next() * 3) * 10) / 10,
      stage: random.pick([1, 1, 2, 2, 3] as const),
      ...(heat ? {} : { shakeTest: random.next() < 0.4 ? ('fail' as const) : ('pass' as const) }),
    });
  }
  return incidents;
};

const round1 = (c: number) => Math.round(c * 10) / 10;

/** 10-minute readings of the last 30 days: a daily swing around the set point, plus the recent incidents. */
const readingsFor = (random: Random, device: DeviceSpec, incidents: readonly Incident[], now: Date) => {
  const from = Math.floor((now.getTime() - READINGS_DAYS * DAY) / (10 * MINUTE)) * 10 * MINUTE;
  const rule = excursionRuleFor({ storage: { minC: device.minC, maxC: device.maxC } });
  const centre = (device.minC + device.maxC) / 2;
  const swing = (device.maxC - device.minC) / 8;
  const readings: { device: string; time: Date; celsius: number }[] = [];
  for (let t = from; t < now.getTime(); t += 10 * MINUTE) {
    let celsius = centre + swing * Math.sin((2 * Math.PI * (t % DAY)) / DAY) + random.normal() * swing * 0.2;
    for (const incident of incidents) {
      const into = (t - incident.start.getTime()) / MINUTE;
      if (incident.device.id !== device.id || into < 0 || into >= incident.minutes) continue;
      const ramp = Math.min(1, (into + 10) / 60, (incident.minutes - into) / 60);
      // Just past the rule's threshold at the edges, the incident's extreme in the middle.
      const limit = incident.type === 'heat' ? rule.heatAboveC + 0.6 : rule.freezeAtOrBelowC - 0.3;
      celsius = limit + (incident.extremeC - limit) * Math.max(0, ramp);
    }
    readings.push({ device: device.id, time: new Date(t), celsius: round1(celsius) });
  }
  return readings;
};

const toRecord = (random: Random, device: DeviceSpec, e: Pick<Excursion, 'type' | 'start' | 'end' | 'minutes' | 'alarm' | 'ongoing' | 'extremeC' | 'longestGapMinutes'>): ExcursionRecord => {
  const rule = excursionRuleFor({ storage: { minC: device.minC, maxC: device.maxC } });
  const start = new Date(e.start);
  const threshold = e.type === 'heat' ? rule.heatAlarmMinutes : rule.freezeAlarmMinutes;
  return {
    id: seededUuid(random), device: device.id, store: device.store, type: e.type, startAt: start, endAt: new Date(e.end), minutes: e.minutes, alarm: e.alarm,
    ongoing: e.ongoing, extremeC: e.extremeC, longestGapMinutes: e.longestGapMinutes, alarmedAt: e.alarm ? new Date(start.getTime() + threshold * MINUTE) : null,
  };
};

export interface TimedEvent {
  at: Date;
  run(): void;
}

/**
 * Plans the cold chain's history: devices, readings, excursion records and
 * the simulation events that quarantine and later decide the exposed lots
 * (a discard writes the lot off as a loss).
 */
export const planColdChain = (random: Random, stores: readonly Store[], now: Date, sim: Simulation) => {
  const devices = devicesFor(stores);
  const incidents = planIncidents(random, devices, now);
  const windowStart = now.getTime() - READINGS_DAYS * DAY;
  const readings = devices.flatMap((device) => readingsFor(random, device, incidents, now));
  const excursions: ExcursionRecord[] = [];
  const quarantines: QuarantineRecord[] = [];
  const events: TimedEvent[] = [];
  for (const device of devices) {
    const recent = detectExcursions(
      readings.filter((r) => r.device === device.id).map((r) => ({ device: r.device, time: r.time.toISOString(), celsius: r.celsius })),
      excursionRuleFor({ storage: { minC: device.minC, maxC: device.maxC } }),
    );
    for (const e of recent) {
      const record = toRecord(random, device, e);
      excursions.push(record);
      const incident = incidents.find((i) => i.device.id === device.id && Math.abs(i.start.getTime() - record.startAt.getTime()) < 3 * 3_600_000);
      if (record.alarmedAt && incident) events.push(...exposure(random, sim, device, record, incident, quarantines));
    }
  }
  for (const incident of incidents.filter((i) => i.start.getTime() < windowStart)) {
    const rule = excursionRuleFor({ storage: { minC: incident.device.minC, maxC: incident.device.maxC } });
    const alarm = incident.minutes >= (incident.type === 'heat' ? rule.heatAlarmMinutes : rule.freezeAlarmMinutes);
    const end = new Date(incident.start.getTime() + incident.minutes * MINUTE).toISOString();
    const record = toRecord(random, incident.device, { type: incident.type, start: incident.start.toISOString(), end, minutes: incident.minutes, alarm, ongoing: false, extremeC: incident.extremeC, longestGapMinutes: 10 });
    excursions.push(record);
    if (record.alarmedAt) events.push(...exposure(random, sim, incident.device, record, incident, quarantines));
  }
  return { devices, readings, excursions, quarantines, events };
};

/** The alarm quarantines the lots on hand; a day or two later a health worker reads the VVMs. */
const exposure = (random: Random, sim: Simulation, device: DeviceSpec, x: ExcursionRecord, incident: Incident, out: QuarantineRecord[]): TimedEvent[] => {
  const opened: QuarantineRecord[] = [];
  const alarm: TimedEvent = {
    at: x.alarmedAt!,
    run: () => {
      for (const lot of sim.onHand(device.store, productsIn(device))) {
        sim.quarantine(device.store, lot.product, lot.lot);
        const q: QuarantineRecord = { id: seededUuid(random), store: device.store, product: lot.product, lot: lot.lot, excursionId: x.id, reason: `${x.type} alarm on ${device.id} (synthetic)`, openedAt: x.alarmedAt!, decision: null };
        opened.push(q);
        out.push(q);
      }
    },
  };
  if (incident.stage === null) return [alarm];
  const decidedAt = new Date(x.endAt.getTime() + random.int(6, 40) * 3_600_000);
  const decide: TimedEvent = {
    at: decidedAt,
    run: () => {
      for (const q of opened) {
        const stage = Math.min(4, incident.stage! + (findProduct(q.product)?.vvm === 'VVM14' ? 1 : 0));
        const frozen = incident.shakeTest === 'fail';
        const action = frozen || stage >= 3 ? 'discard' : stage === 2 ? 'use-first' : 'use';
        const reason = frozen ? 'shake test failed: the vaccine was frozen' : action === 'discard' ? 'VVM end point: the square matches the circle' : action === 'use-first' ? 'square lighter than the circle but darkening: use before stage 1 vials' : 'square lighter than the circle';
        let discarded: number | null = null;
        if (action === 'discard') discarded = sim.loss(q.store, q.product, q.lot, sim.balance(q.store, q.product, q.lot), decidedAt, `cold chain: ${reason}`, `quarantine:${q.id}`);
        sim.release(q.store, q.product, q.lot, action === 'use-first');
        q.decision = { at: decidedAt, by: 'user:facility (synthetic)', vvmStage: frozen ? null : stage, shakeTest: incident.shakeTest ?? null, action, reason, discarded };
      }
    },
  };
  return [alarm, decide];
};
