/**
 * `npm run bench -- ingest`: case reports per second through the batch API
 * (POST /api/v1/surveillance/cases/batch, in-process with app.inject: JSON
 * parsing and validation, scope and area checks, encryption of the four
 * personal fields, one transaction with multi-row inserts and the live
 * daily and weekly aggregates, the audit row, and detection over the series
 * touched), beside a raw COPY (db.copyFrom) of the same rows into the same
 * table of the same database in the same run (their personal fields
 * encrypted beforehand, outside the timing: the API has to encrypt, COPY not). The goal is a batch API at
 * 30 % or more of COPY's rate. Runs on PGlite with its data directory on
 * disk, as `npm start` runs it (a temporary directory, removed after), and
 * on PostgreSQL when
 * CONCORD_TEST_DATABASE_URL or DATABASE_URL is set (a scratch database is
 * created and dropped). The API is measured with one client sending batch
 * after batch, and with two clients of two parties at once (encryption runs
 * before a batch's transaction, so one batch's cipher work overlaps the
 * other's database work on a server). Flags: --rows=N (default 20000),
 * --batch=N (default 2000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { addDays, ageBandOf, seededRandom } from '@concord/core';
import { BASE_SEED_STEPS, createNode, fixedClock, loadConfig, migrate, runSeed, type Db } from '@concord/server';
import { openDatabase } from '@concord/server/db/open';
import { openPostgres } from '@concord/server/db/postgres';
import { openKeyStore } from '@concord/server/keys/key-store';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { caseReportsRepo, fieldContext } from '@concord/server/modules/surveillance/index';
import { encryptField } from '@concord/server/keys/field-cipher';
import type { Benchmark } from './registry.ts';

const NOW = '2026-03-02T08:00:00.000Z';
const flag = (flags: string[], name: string, fallback: number) => Number(flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

const AREAS: Record<string, string[]> = { UG: ['UG-C', 'UG-N', 'UG-E', 'UG-W'], KE: ['KE-30', 'KE-28', 'KE-24', 'KE-04'] };

/** Case reports of one party over the last eight weeks, every personal field filled. */
const reports = (count: number, prefix: string, party = 'UG') => {
  const random = seededRandom(`bench-ingest/${prefix}`);
  return Array.from({ length: count }, (_, i) => {
    const reportDate = addDays('2026-03-02', -random.int(0, 55));
    return {
      clientId: `${prefix}-${i}`,
      party,
      area: random.pick(AREAS[party]!),
      facility: `Health Centre ${random.int(1, 40)} (synthetic)`,
      disease: random.pick(['cholera', 'measles', 'mpox', 'meningococcal']),
      onsetDate: addDays(reportDate, -random.int(0, 4)),
      reportDate,
      age: random.int(0, 80),
      sex: random.pick(['male', 'female']),
      classification: random.pick(['suspected', 'probable', 'confirmed']),
      outcome: 'alive',
      labResult: 'pending',
      patientName: `Synthetic Person ${i}`,
      phone: `+256700${String(i).padStart(6, '0')}`,
      nationalId: `SYN-${party}-${String(i).padStart(8, '0')}`,
      village: `Synthetic village ${i % 300}`,
    };
  });
};

/** The same rows as stored rows (personal fields encrypted beforehand, not timed), as the CSV COPY reads. */
const copyCsv = (rows: ReturnType<typeof reports>, keys: ReturnType<ReturnType<typeof openKeyStore>['fieldKeys']>) => {
  const now = new Date(NOW);
  const stored = rows.map((r): caseReportsRepo.StoredCase => {
    const id = crypto.randomUUID();
    const enc = (value: string, column: string) => encryptField(value, keys, fieldContext(id, column));
    return {
      ...r,
      id,
      ageBand: ageBandOf(r.age),
      patientName: enc(r.patientName, 'patient_name'),
      phone: enc(r.phone, 'phone'),
      nationalId: enc(r.nationalId, 'national_id'),
      village: enc(r.village, 'village'),
      source: 'api',
      receivedAt: now,
      receivedBy: 'bench',
      updatedAt: now,
      synthetic: true,
    };
  });
  return caseReportsRepo.caseReportsCsv(stored);
};

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const measure = async (label: string, db: Db, rows: number, batch: number) => {
  const keyDir = mkdtempSync(join(tmpdir(), 'concord-bench-keys-'));
  try {
    const clock = fixedClock(NOW);
    await migrate(db);
    const keys = openKeyStore({ keyDir });
    await runSeed(db, createAuditLog(clock), BASE_SEED_STEPS, { clock, log: pino({ level: 'silent' }), demoPassword: 'concord-demo', keys });
    const config = loadConfig({ CONCORD_DEMO: 'false', LOG_LEVEL: 'silent', CONCORD_KEY_DIR: keyDir, CONCORD_RATE_LIMIT: '1000000' });
    const node = await createNode({ config, db, clock, logger: pino({ level: 'silent' }), keys });
    await node.app.ready();
    const tokenOf = async (email: string) => {
      const signIn = await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: 'concord-demo' } });
      return { authorization: `Bearer ${signIn.json().token}` };
    };
    const uploader = { UG: await tokenOf('facility.ug@demo.concord.example'), KE: await tokenOf('facility.ke@demo.concord.example') };
    const post = async (party: 'UG' | 'KE', payload: object) => {
      const response = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/cases/batch', headers: uploader[party], payload });
      if (response.statusCode !== 200) throw new Error(`batch refused: ${response.statusCode} ${response.body.slice(0, 300)}`);
    };
    const upload = async (party: 'UG' | 'KE', rows: ReturnType<typeof reports>) => {
      for (let i = 0; i < rows.length; i += batch) await post(party, { reports: rows.slice(i, i + batch) });
    };
    await upload('UG', reports(200, 'warm-up'));

    // One reporter sending every batch in turn.
    const api = reports(rows, 'api');
    const apiStart = process.hrtime.bigint();
    await upload('UG', api);
    const apiSeconds = seconds(apiStart);

    const resendStart = process.hrtime.bigint();
    await upload('UG', api);
    const resendSeconds = seconds(resendStart);

    // Two reporters of two parties at once, half the rows each (what a node serving many facilities sees).
    const half = Math.floor(rows / 2);
    const pairStart = process.hrtime.bigint();
    await Promise.all([upload('UG', reports(half, 'pair')), upload('KE', reports(rows - half, 'pair', 'KE'))]);
    const pairSeconds = seconds(pairStart);

    const csv = copyCsv(reports(rows, 'copy'), keys.fieldKeys());
    const copyStart = process.hrtime.bigint();
    await db.copyFrom('case_reports', caseReportsRepo.CASE_REPORT_COLUMNS, csv);
    const copySeconds = seconds(copyStart);
    await node.app.close();

    const rate = (s: number) => Math.round(rows / s).toLocaleString('en');
    const share = (s: number) => `${((100 * copySeconds) / s).toFixed(0)} %`;
    console.log(`${label}: raw COPY ${rate(copySeconds)} rows/s (yardstick, same rows, same table)`);
    console.log(`${label}: batch API, one client   ${rate(apiSeconds)} case reports/s = ${share(apiSeconds)} of COPY (goal ≥ 30 %; ${rows} reports in batches of ${batch})`);
    console.log(`${label}: batch API, two clients  ${rate(pairSeconds)} case reports/s = ${share(pairSeconds)} of COPY (two parties uploading at once)`);
    console.log(`${label}: idempotent resend       ${rate(resendSeconds)} reports/s (every report already stored, nothing written)`);
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
};

const withScratchPostgres = async (url: string, work: (db: Db) => Promise<void>) => {
  const name = `concord_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString(), { max: 4 });
  try {
    await work(db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};

export const ingestBenchmark: Benchmark = async (flags) => {
  const rows = flag(flags, 'rows', 20_000);
  const batch = flag(flags, 'batch', 2_000);
  // PGlite as the product runs it: a data directory on disk, under its lock (a fresh temporary one, removed after).
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-data-'));
  try {
    const pglite = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await measure('PGlite (data directory on disk)', pglite, rows, batch);
    } finally {
      await pglite.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.CONCORD_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: left out (set CONCORD_TEST_DATABASE_URL or DATABASE_URL to a server to include it)');
    return;
  }
  await withScratchPostgres(url, (db) => measure('PostgreSQL', db, rows, batch));
};
