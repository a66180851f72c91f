import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';

/**
 * Storage limitation (GDPR Art. 5(1)(e)) as the pact sets it: data a node
 * keeps under a clause's `retain-until` obligation is deleted or anonymised
 * once that date passes. Each context that stores such data registers a
 * target that purges its own tables; the retention job runs every target,
 * each in its own transaction, and records what went in `retention_runs`
 * (counts and every id) and the audit log (counts, the first ids and a
 * SHA-256 digest of all of them). Identifiers only: never the data itself.
 */
export interface PurgeResult {
  deleted: number;
  anonymised: number;
  /** Identifiers of what was deleted or anonymised, for the audit record; never the data itself. */
  items: string[];
}

/** How many ids the audit row lists; the digest covers them all. */
const AUDITED_IDS = 1000;

/** SHA-256 over the sorted ids, one per line: proves later which ids a run purged without listing them. */
export const digestOfIds = (ids: readonly string[]) => createHash('sha256').update([...ids].sort().join('\n')).digest('hex');

export interface RetentionTarget {
  name: string;
  description: string;
  purge(tx: Db, now: Date): Promise<PurgeResult>;
}

export const createRetention = (deps: { db: Db; audit: AuditLog; clock: Clock }) => {
  const { db, audit, clock } = deps;
  const targets: RetentionTarget[] = [];

  const register = (target: RetentionTarget) => {
    if (targets.some((t) => t.name === target.name)) throw new Error(`retention target ${target.name} is already registered`);
    targets.push(target);
  };

  const run = async (actor: Actor) => {
    const now = clock.now();
    const results: ({ target: string } & PurgeResult)[] = [];
    for (const target of targets) {
      const result = await db.transaction(async (tx) => {
        const purged = await target.purge(tx, now);
        if (purged.deleted + purged.anonymised === 0) return purged;
        await tx.query('INSERT INTO retention_runs (id, at, target, deleted, anonymised, items) VALUES ($1, $2, $3, $4, $5, $6)', [
          randomUUID(),
          now,
          target.name,
          purged.deleted,
          purged.anonymised,
          JSON.stringify(purged.items),
        ]);
        await audit.append(tx, actor, {
          action: 'retention.purged',
          entityType: 'retention-target',
          entityId: target.name,
          details: {
            deleted: purged.deleted,
            anonymised: purged.anonymised,
            itemCount: purged.items.length,
            itemsSha256: digestOfIds(purged.items),
            items: purged.items.slice(0, AUDITED_IDS),
          },
        });
        return purged;
      });
      results.push({ target: target.name, ...result });
    }
    return results;
  };

  const history = (limit = 100) =>
    db.query<{ id: string; at: Date; target: string; deleted: number; anonymised: number; items: string[] }>(
      'SELECT id, at, target, deleted, anonymised, items FROM retention_runs ORDER BY at DESC LIMIT $1',
      [limit],
    );

  return { register, run, history, targets: () => targets.map((t) => ({ name: t.name, description: t.description })) };
};

export type Retention = ReturnType<typeof createRetention>;
