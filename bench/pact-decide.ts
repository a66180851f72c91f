/**
 * `npm run bench -- pact-decide`: the pact decision point on the example
 * pact, with a deterministic mix of data-sharing requests (the hot path on
 * a node: every cross-border read or send is decided), beside a yardstick
 * measured in the same run — the same two data rules hand-written as plain
 * `if` statements. The ratio is the price of reading the rules from the
 * pact (clause matching, CEL, obligations) instead of hard-coding them.
 * Also times validatePact on the example beside JSON.parse of the same pact.
 */
import { readFileSync } from 'node:fs';
import { decide, seededRandom, validatePact, type DecisionContext, type PactRequest } from '@concord/core';
import type { Benchmark } from './registry.ts';

const PACT_FILE = new URL('../examples/pacts/eac-health-security-pact.yaml', import.meta.url);
const PARTIES = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];

type DataRequest = Extract<PactRequest, { kind: 'data' }>;

const makeRequests = (count: number): DataRequest[] => {
  const random = seededRandom('pact-decide-bench');
  return Array.from({ length: count }, () => {
    const personLevel = random.next() < 0.5;
    return {
      kind: 'data',
      action: 'send',
      dataset: personLevel ? 'case-reports' : 'aggregate-counts',
      from: random.pick(PARTIES),
      to: random.pick([...PARTIES, 'EAC']),
      purpose: random.pick(['surveillance', 'outbreak-response', 'research']),
      disease: random.pick(['cholera', 'measles', 'ebola']),
      role: random.pick(['national-focal-point', 'facility-staff']),
    };
  });
};

const makeContext = (): DecisionContext => {
  const random = seededRandom('pact-decide-context');
  const alert = Object.fromEntries(PARTIES.map((p) => [p, { cholera: random.int(0, 4), measles: random.int(0, 4), ebola: random.int(0, 1) }]));
  return { now: new Date('2026-03-01T10:00:00Z'), alert };
};

/** The yardstick: the example's aggregate and Lake Victoria case-report rules as fixed code. */
const handWritten = (r: DataRequest, context: DecisionContext): boolean => {
  if (r.dataset === 'aggregate-counts') {
    const toHubOrPartner = r.to === 'EAC' || PARTIES.includes(r.to);
    return PARTIES.includes(r.from) && toHubOrPartner && (r.purpose === 'surveillance' || r.purpose === 'outbreak-response');
  }
  const lake = ['KE', 'TZ', 'UG'];
  return (
    lake.includes(r.from) &&
    lake.includes(r.to) &&
    r.purpose === 'outbreak-response' &&
    (r.role === 'national-focal-point' || r.role === 'hub-coordinator') &&
    r.disease !== undefined &&
    (context.alert?.[r.from]?.[r.disease] ?? 0) >= 3
  );
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const perSecond = (rounds: number, count: number, run: () => void): number => {
  const rates: number[] = [];
  for (let n = 0; n < rounds; n++) {
    const start = performance.now();
    run();
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return median(rates);
};

export const pactDecideBenchmark: Benchmark = async () => {
  const source = readFileSync(PACT_FILE, 'utf8');
  const pact = validatePact(source, 'eac.yaml').pact!;
  const requests = makeRequests(20_000);
  const context = makeContext();
  let permits = 0;
  let agree = 0;
  for (const r of requests) {
    const permitted = decide(pact, r, context).effect === 'permit';
    if (permitted) permits += 1;
    if (permitted === handWritten(r, context)) agree += 1;
  }
  const engine = perSecond(7, requests.length, () => requests.forEach((r) => decide(pact, r, context)));
  const yardstick = perSecond(7, requests.length, () => requests.forEach((r) => handWritten(r, context)));
  console.log(`requests: ${requests.length} data-sharing requests, ${permits} permitted; hand-written rules agree on ${agree}`);
  console.log(`decide(): ${Math.round(engine).toLocaleString('en')} decisions/s (median of 7 rounds)`);
  console.log(`hand-written if statements: ${Math.round(yardstick).toLocaleString('en')} checks/s`);
  console.log(`ratio: hand-written / decide() = ${(yardstick / engine).toFixed(1)}×`);

  const json = JSON.stringify(pact);
  const validations = perSecond(7, 50, () => {
    for (let n = 0; n < 50; n++) validatePact(source, 'eac.yaml');
  });
  const parses = perSecond(7, 50, () => {
    for (let n = 0; n < 50; n++) JSON.parse(json);
  });
  console.log(`validatePact(example, ${source.length} bytes): ${validations.toFixed(0)} validations/s; JSON.parse of the same pact: ${parses.toFixed(0)}/s; ratio ${(parses / validations).toFixed(0)}×`);
};
