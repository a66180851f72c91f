import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { maybeOne } from '../../db/database.ts';
import { decryptField, encryptField, isEncrypted, keyIdOf } from '../../keys/field-cipher.ts';
import type { KeyStore } from '../../keys/key-store.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as errors from './governance.errors.ts';

/**
 * Field-key rotation without downtime: a new key becomes active for new
 * writes at once, old keys stay loaded so every existing value still reads,
 * and a background task re-encrypts stored values in small batches (each
 * its own transaction) until none uses an old key. Contexts that encrypt
 * columns register them here with the associated-data context they use.
 */
export interface EncryptedColumns {
  name: string;
  table: string;
  key: string;
  columns: readonly string[];
  /** The associated data the context bound each value to. */
  context(row: Record<string, unknown>, column: string): string;
}

export interface RotationStatus {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  targetKid: string;
  total: number;
  done: number;
  status: 'running' | 'done' | 'failed';
  error: string | null;
}

const BATCH = 500;

export const createKeyRotation = (deps: { db: Db; audit: AuditLog; clock: Clock; keys: KeyStore; log: Logger }) => {
  const { db, audit, clock, keys, log } = deps;
  const targets: EncryptedColumns[] = [];
  let running: Promise<void> | undefined;

  const register = (target: EncryptedColumns) => targets.push(target);

  const staleFilter = (target: EncryptedColumns, active: string) =>
    target.columns.map((column) => `(${column} IS NOT NULL AND ${column} NOT LIKE 'enc:v1:${active}:%')`).join(' OR ');

  const countStale = async (active: string) => {
    let total = 0;
    for (const target of targets) {
      const rows = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${target.table} WHERE ${staleFilter(target, active)}`);
      total += rows[0]!.n;
    }
    return total;
  };

  const reencryptBatch = async (target: EncryptedColumns, active: string): Promise<number> =>
    db.transaction(async (tx) => {
      const rows = await tx.query(
        `SELECT ${target.key}, ${target.columns.join(', ')} FROM ${target.table} WHERE ${staleFilter(target, active)} LIMIT ${BATCH} FOR UPDATE`,
      );
      const fieldKeys = keys.fieldKeys();
      for (const row of rows) {
        const values = target.columns.map((column) => {
          const value = row[column];
          if (typeof value !== 'string' || !isEncrypted(value) || keyIdOf(value) === active) return value;
          const context = target.context(row, column);
          return encryptField(decryptField(value, fieldKeys, context), fieldKeys, context);
        });
        await tx.query(
          `UPDATE ${target.table} SET ${target.columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE ${target.key} = $1`,
          [row[target.key], ...values],
        );
      }
      return rows.length;
    });

  const work = async (id: string, active: string) => {
    let done = 0;
    try {
      for (const target of targets) {
        for (;;) {
          const n = await reencryptBatch(target, active);
          if (n === 0) break;
          done += n;
          await db.query('UPDATE key_rotations SET done = $2 WHERE id = $1', [id, done]);
        }
      }
      await db.query(`UPDATE key_rotations SET done = $2, status = 'done', finished_at = $3 WHERE id = $1`, [id, done, clock.now()]);
    } catch (error) {
      log.error({ err: error }, 'key rotation failed');
      await db.query(`UPDATE key_rotations SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`, [
        id,
        error instanceof Error ? error.message : String(error),
        clock.now(),
      ]);
    }
  };

  /** Activates a new field key and starts re-encrypting in the background. */
  const rotate = async (actor: Actor): Promise<RotationStatus> => {
    if (running) throw errors.rotationRunning();
    const kid = keys.addFieldKey();
    const total = await countStale(kid);
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO key_rotations (id, started_at, target_kid, total, done, status) VALUES ($1, $2, $3, $4, 0, 'running')`, [id, clock.now(), kid, total]);
      // The key itself never leaves the key store; the audit row names its id only.
      await audit.append(tx, actor, { action: 'keys.rotated', entityType: 'field-key', entityId: kid, details: { valuesToReencrypt: total } });
    });
    running = work(id, kid).finally(() => {
      running = undefined;
    });
    return status(id) as Promise<RotationStatus>;
  };

  const status = (id: string) =>
    maybeOne<RotationStatus & Record<string, unknown>>(
      db,
      `SELECT id, started_at AS "startedAt", finished_at AS "finishedAt", target_kid AS "targetKid", total, done, status, error
       FROM key_rotations WHERE id = $1`,
      [id],
    );

  /** The latest rotations, newest first, for the dashboard's key page. */
  const list = (limit = 20) =>
    db.query<RotationStatus & Record<string, unknown>>(
      `SELECT id, started_at AS "startedAt", finished_at AS "finishedAt", target_kid AS "targetKid", total, done, status, error
       FROM key_rotations ORDER BY started_at DESC LIMIT $1`,
      [limit],
    );

  /** Resolves when the rotation in progress (if any) has finished. */
  const settled = async () => {
    await running;
  };

  return { register, rotate, status, list, settled, activeKeyId: () => keys.fieldKeys().active };
};

export type KeyRotation = ReturnType<typeof createKeyRotation>;
