import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Queryable } from '../../db/database.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit.chain.ts';
import * as repo from './audit.repo.ts';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  jurisdiction?: string | null;
  details?: Record<string, unknown>;
}

export type BrokenLink =
  | { seq: number; reason: 'hash-mismatch' | 'previous-hash-mismatch' | 'sequence-gap' }
  | { seq: number; reason: 'head-mismatch' };

export interface VerifyReport {
  ok: boolean;
  checked: number;
  firstBroken: BrokenLink | null;
}

export interface AuditLog {
  /** Appends one row; call inside the transaction of the change it records. */
  append(tx: Queryable, actor: Actor, event: AuditEvent): Promise<repo.AuditRow>;
  verify(db: Queryable, onProgress?: (checked: number, total: number) => void): Promise<VerifyReport>;
  search(db: Queryable, filter: repo.AuditFilter): Promise<repo.AuditRow[]>;
}

const PAGE = 5_000;

export const createAuditLog = (clock: Clock): AuditLog => ({
  async append(tx, actor, event) {
    const head = await repo.lockHead(tx);
    const content: AuditContent = {
      seq: head.seq + 1,
      at: clock.now().toISOString(),
      actorId: actor.kind === 'user' ? actor.userId : null,
      actor: actorLabel(actor),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      jurisdiction: event.jurisdiction ?? null,
      details: normalise(event.details ?? {}),
    };
    const row = { ...content, prevHash: head.hash, hash: auditHash(head.hash, content) };
    await repo.insertRow(tx, row);
    return row;
  },

  async verify(db, onProgress) {
    const total = await repo.count(db);
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const page = await repo.readPage(db, expectedSeq - 1, PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'sequence-gap' } };
        if (row.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'previous-hash-mismatch' } };
        const { prevHash: _p, hash, ...content } = row;
        if (auditHash(prevHash, content) !== hash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'hash-mismatch' } };
        prevHash = hash;
        expectedSeq += 1;
        checked += 1;
      }
      onProgress?.(checked, total);
    }
    // Rows cut from the end leave the head pointing past the last row.
    const head = await repo.readHead(db);
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'head-mismatch' } };
    }
    return { ok: true, checked, firstBroken: null };
  },

  search: (db, filter) => repo.search(db, filter),
});

/**
 * Stores details exactly as they will read back from jsonb, so the hash
 * computed now is the hash recomputed at verification (undefined values and
 * Dates are what JSON makes of them).
 */
const normalise = (details: Record<string, unknown>): unknown => JSON.parse(JSON.stringify(details));
