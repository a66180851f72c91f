import type { Logger } from 'pino';
import { systemActor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';

/**
 * The demo region is seeded in named, versioned steps, each in its own
 * transaction and recorded in `seed_steps`, so `npm start` seeds once and a
 * later release can add a step (new capabilities bring their own history)
 * without touching what is already there.
 */
export interface SeedContext {
  clock: Clock;
  log: Logger;
  demoPassword: string;
  keys: KeyStore;
}

export interface SeedStep {
  name: string;
  version: number;
  description: string;
  run(tx: Db, context: SeedContext): Promise<Record<string, unknown>>;
}

export interface SeedReport {
  ran: { name: string; summary: Record<string, unknown> }[];
  skipped: string[];
}

export const runSeed = async (db: Db, audit: AuditLog, steps: readonly SeedStep[], context: SeedContext): Promise<SeedReport> => {
  const done = new Map(
    (await db.query<{ name: string; version: number }>('SELECT name, version FROM seed_steps')).map((row) => [row.name, row.version]),
  );
  const report: SeedReport = { ran: [], skipped: [] };
  for (const step of steps) {
    if ((done.get(step.name) ?? 0) >= step.version) {
      report.skipped.push(step.name);
      continue;
    }
    const started = Date.now();
    context.log.info({ step: step.name }, `seeding: ${step.description}`);
    const summary = await db.transaction(async (tx) => {
      const result = await step.run(tx, context);
      await tx.query(
        `INSERT INTO seed_steps (name, version, ran_at, summary) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, ran_at = EXCLUDED.ran_at, summary = EXCLUDED.summary`,
        [step.name, step.version, context.clock.now(), JSON.stringify(result)],
      );
      await audit.append(tx, systemActor('seed'), {
        action: 'seed.step-ran',
        entityType: 'seed-step',
        entityId: step.name,
        details: { version: step.version, ...result },
      });
      return result;
    });
    context.log.info({ step: step.name, ms: Date.now() - started, ...summary }, 'seeded');
    report.ran.push({ name: step.name, summary });
  }
  return report;
};
