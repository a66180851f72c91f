import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@concord/server';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const audit = () => node.services.audit;

/** Plays the part of someone with direct database access editing history. */
const asDatabaseOwner = async (sql: string, params: unknown[] = []) => {
  await node.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  try {
    await node.db.query(sql, params);
  } finally {
    await node.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  }
};

describe('the audit log', () => {
  it('is intact after the seed and records changes with their actor', async () => {
    expect(await audit().verify(node.db)).toMatchObject({ ok: true, firstBroken: null });
    const hub = await node.signIn(demoEmail('hub'));
    await node.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: hub,
      payload: { email: 'audited@example.org', displayName: 'A', jurisdiction: 'KE', roles: ['lab-staff'], password: 'a-long-enough-password' },
    });
    const rows = (await node.app.inject({ url: '/api/v1/audit?action=user.created', headers: hub })).json().rows;
    expect(rows[0]).toMatchObject({ actor: `user:${demoEmail('hub')}`, entityType: 'user', jurisdiction: 'KE' });
    expect(rows[0].details).toMatchObject({ email: 'audited@example.org' });
  });

  it('writes nothing when the change it belongs to rolls back', async () => {
    const before = (await audit().verify(node.db)).checked;
    await expect(
      node.db.transaction(async (tx) => {
        await audit().append(tx, systemActor('test'), { action: 'test.rolled-back', entityType: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await audit().verify(node.db);
    expect(after).toMatchObject({ ok: true, checked: before });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the database', async () => {
    await expect(node.db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(node.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(node.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('lets an auditor verify it over HTTP and keeps party users to their own rows', async () => {
    const auditor = await node.signIn(demoEmail('auditor'));
    const verify = await node.app.inject({ url: '/api/v1/audit/verify', headers: auditor });
    expect(verify.json()).toMatchObject({ ok: true });
    const nfp = await node.signIn(demoEmail('nfp.ke'));
    expect((await node.app.inject({ url: '/api/v1/audit/verify', headers: nfp })).statusCode).toBe(403);
    const rows = (await node.app.inject({ url: '/api/v1/audit', headers: nfp })).json().rows as { jurisdiction: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.jurisdiction))).toEqual(new Set(['KE']));
    expect((await node.app.inject({ url: '/api/v1/audit?jurisdiction=UG', headers: nfp })).statusCode).toBe(403);
  });

  // The destructive checks come last: each leaves the chain broken.
  it('catches a tampered row and names the first broken link', async () => {
    const target = (await node.db.query<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'user.created' ORDER BY seq LIMIT 1"))[0]!.seq;
    await asDatabaseOwner(`UPDATE audit_log SET details = jsonb_set(details, '{email}', '"someone-else@example.org"') WHERE seq = $1`, [target]);
    expect(await audit().verify(node.db)).toMatchObject({ ok: false, firstBroken: { seq: target, reason: 'hash-mismatch' } });
    const auditor = await node.signIn(demoEmail('auditor'));
    const verify = (await node.app.inject({ url: '/api/v1/audit/verify', headers: auditor })).json();
    expect(verify).toMatchObject({ ok: false, firstBroken: { seq: target } });
  });

  it('catches a re-hashed row by the next link, and a deleted row as a gap', async () => {
    // Forge a row whose own hash is recomputed: the next row's link breaks.
    const rows = await node.db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq');
    const forged = rows[2]!.seq;
    await asDatabaseOwner("UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = $1", [forged]);
    const report = await audit().verify(node.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken!.seq).toBeLessThanOrEqual(forged + 1);

    const fresh = await startTestNode();
    try {
      for (let i = 0; i < 3; i += 1) {
        await fresh.db.transaction((tx) => fresh.services.audit.append(tx, systemActor('test'), { action: 'test.filler', entityType: 'test' }));
      }
      const gap = (await fresh.db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq'))[1]!.seq;
      await fresh.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await fresh.db.query('DELETE FROM audit_log WHERE seq = $1', [gap]);
      expect(await fresh.services.audit.verify(fresh.db)).toMatchObject({ ok: false, firstBroken: { seq: gap, reason: 'sequence-gap' } });
    } finally {
      await fresh.close();
    }
  });

  it('catches rows cut from the end', async () => {
    const fresh = await startTestNode();
    try {
      const last = (await fresh.db.query<{ seq: number }>('SELECT max(seq)::int8 AS seq FROM audit_log'))[0]!.seq;
      await fresh.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await fresh.db.query('DELETE FROM audit_log WHERE seq = $1', [last]);
      expect(await fresh.services.audit.verify(fresh.db)).toMatchObject({ ok: false, firstBroken: { seq: last, reason: 'head-mismatch' } });
    } finally {
      await fresh.close();
    }
  });
});
