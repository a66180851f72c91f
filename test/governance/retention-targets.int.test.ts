import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInbox } from '@concord/server/modules/federation/federation.repo';
import { insertAggregate, insertRecord, upsertAlert } from '@concord/server/modules/federation/received.repo';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * The retention job purges what this node keeps of other parties' data
 * once the date the clause set has passed (the template's clock stands at
 * 2026-01-05): past-date data is gone from the database, data still within
 * its date stays, and the record of each run names what went by id and
 * digest, never by content.
 */
let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const PAST = '2026-01-04';
const TODAY = '2026-01-05';
const LATER = '2026-03-01';
/** A synthetic person in a received line list: their name must never reach the retention record. */
const PERSON = { clientId: 'KE-SYN-0001', name: 'Amani Synthetic-Testcase', phone: '+254700000000', sex: 'female', ageYears: 31 };

const ids = { alert: {} as Record<string, string>, aggregate: {} as Record<string, string>, record: {} as Record<string, string>, inbox: {} as Record<string, string> };

const plant = async (retainUntil: string | null, label: string) => {
  const receivedAt = node.clock.now();
  const alertId = `KE-ALERT-${label}`;
  await upsertAlert(node.db, {
    recipient: 'UG', sender: 'KE', alertId, party: 'KE', disease: 'cholera', level: 3, status: 'open', revision: 1, title: `Alert ${label} (synthetic)`,
    summary: null, area: null, cases: 1, deaths: 0, caseReports: [PERSON], caseReportsWithheld: 0, detectedAt: receivedAt, receivedAt, retainUntil,
    messageId: randomUUID(),
  });
  ids.alert[label] = `UG/KE/${alertId}`;
  ids.aggregate[label] = randomUUID();
  await insertAggregate(node.db, {
    messageId: ids.aggregate[label]!, recipient: 'UG', sender: 'KE', submissionId: `sub-${label}`, party: 'KE', disease: 'cholera', purpose: 'surveillance',
    place: 'admin1', time: 'week', periodStart: '2025-12-22', periodEnd: '2025-12-28', cells: [{ area: 'KE-30', count: 7 }], suppressedCells: 0,
    visibleTotal: 7, receivedAt, retainUntil,
  });
  ids.record[label] = randomUUID();
  await insertRecord(node.db, { messageId: ids.record[label]!, type: 'referral', sender: 'KE', recipient: 'UG', subject: `ref-${label}`, payload: { patient: PERSON }, receivedAt, retainUntil });
  ids.inbox[label] = randomUUID();
  const jws = `header.${Buffer.from(JSON.stringify({ patient: PERSON })).toString('base64url')}.signature`;
  await insertInbox(node.db, {
    id: ids.inbox[label]!, type: 'alert', sender: 'KE', recipient: 'UG', pactId: 'eac-health-pact', pactVersion: 1, clauseId: 'share-line-lists',
    senderDecisionId: randomUUID(), decisionIds: [], jwsSha256: createHash('sha256').update(jws).digest('hex'), jws,
    envelope: { id: ids.inbox[label], payload: { caseReports: [PERSON] } }, createdAt: receivedAt, receivedAt, retainUntil,
  });
};

const state = async () => ({
  lineLists: await node.db.query<{ id: string; kept: boolean }>(
    `SELECT recipient || '/' || sender || '/' || alert_id AS id, case_reports IS NOT NULL AS kept FROM federation_received_alerts ORDER BY 1`,
  ),
  aggregates: (await node.db.query<{ id: string }>('SELECT message_id::text AS id FROM federation_received_aggregates')).map((r) => r.id),
  records: (await node.db.query<{ id: string }>('SELECT message_id::text AS id FROM federation_received_records')).map((r) => r.id),
  originals: await node.db.query<{ id: string; signed: boolean; payload: unknown }>(
    `SELECT id::text AS id, jws IS NOT NULL AS signed, envelope -> 'payload' AS payload FROM federation_inbox`,
  ),
});

describe('retention of what other parties sent', () => {
  it('lists every target, purges what is past its date, keeps the rest, and records what went by id', async () => {
    await plant(PAST, 'past');
    await plant(TODAY, 'today');
    await plant(LATER, 'later');
    await plant(null, 'undated');
    const hub = await node.signIn(demoEmail('hub'));
    const auditor = await node.signIn(demoEmail('auditor'));

    const listed = (await node.app.inject({ url: '/api/v1/governance/retention', headers: auditor })).json();
    expect(listed.targets.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['federation.received-line-lists', 'federation.received-aggregates', 'federation.received-records', 'federation.signed-originals']),
    );

    const run = await node.app.inject({ method: 'POST', url: '/api/v1/governance/retention/run', headers: hub });
    expect(run.statusCode, run.body).toBe(200);
    const results = Object.fromEntries((run.json().results as { target: string; deleted: number; anonymised: number; items: string[] }[]).map((r) => [r.target, r]));
    expect(results['federation.received-line-lists']).toMatchObject({ deleted: 0, anonymised: 1, items: [ids.alert.past] });
    expect(results['federation.received-aggregates']).toMatchObject({ deleted: 1, anonymised: 0, items: [ids.aggregate.past] });
    expect(results['federation.received-records']).toMatchObject({ deleted: 1, anonymised: 0, items: [ids.record.past] });
    expect(results['federation.signed-originals']).toMatchObject({ deleted: 0, anonymised: 1, items: [ids.inbox.past] });

    // Gone from the database, not merely hidden.
    const after = await state();
    expect(after.lineLists).toEqual(
      ['later', 'past', 'today', 'undated'].map((label) => ({ id: ids.alert[label], kept: label !== 'past' })).sort((a, b) => a.id!.localeCompare(b.id!)),
    );
    expect(after.aggregates.sort()).toEqual([ids.aggregate.today, ids.aggregate.later, ids.aggregate.undated].sort());
    expect(after.records.sort()).toEqual([ids.record.today, ids.record.later, ids.record.undated].sort());
    const past = after.originals.find((o) => o.id === ids.inbox.past)!;
    expect(past).toMatchObject({ signed: false, payload: { expired: true } });
    expect(after.originals.filter((o) => o.id !== ids.inbox.past).every((o) => o.signed)).toBe(true);
    const leftovers = await node.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM federation_inbox WHERE id = $1 AND (jws IS NOT NULL OR envelope::text LIKE '%' || $2 || '%')`,
      [ids.inbox.past, PERSON.name],
    );
    expect(leftovers[0]!.n).toBe(0);

    // The record: every target that purged has a retention run and an audit row with ids, a digest of all ids, and no personal data.
    const audits = await node.services.audit.search(node.db, { action: 'retention.purged', limit: 10 });
    const federationAudits = audits.filter((a) => String(a.entityId).startsWith('federation.'));
    expect(federationAudits).toHaveLength(4);
    for (const row of federationAudits) {
      const details = row.details as { itemCount: number; itemsSha256: string; items: string[] };
      expect(details.itemCount).toBe(1);
      expect(details.itemsSha256).toBe(createHash('sha256').update(details.items.join('\n')).digest('hex'));
      expect(JSON.stringify(details)).not.toContain(PERSON.name);
      expect(JSON.stringify(details)).not.toContain(PERSON.phone);
    }
    const history = (await node.app.inject({ url: '/api/v1/governance/retention', headers: auditor })).json().runs as { target: string; items: string[] }[];
    expect(history.find((r) => r.target === 'federation.received-records')!.items).toEqual([ids.record.past]);
    expect(JSON.stringify(history)).not.toContain(PERSON.name);
  });

  it('purges nothing twice, and takes the rest once their day has passed', async () => {
    const hub = await node.signIn(demoEmail('hub'));
    const again = (await node.app.inject({ method: 'POST', url: '/api/v1/governance/retention/run', headers: hub })).json().results as { target: string; deleted: number; anonymised: number }[];
    expect(again.filter((r) => r.target.startsWith('federation.')).every((r) => r.deleted + r.anonymised === 0)).toBe(true);

    // A date is kept through its last day: the day after, "today"'s data goes too; "later" stays until March.
    node.clock.advance(24 * 3_600_000);
    const results = await node.services.governance.retention.run({ kind: 'system', name: 'test' });
    expect(results.find((r) => r.target === 'federation.received-aggregates')!.items).toEqual([ids.aggregate.today]);
    const after = await state();
    expect(after.aggregates.sort()).toEqual([ids.aggregate.later, ids.aggregate.undated].sort());
    expect(after.lineLists.filter((l) => l.kept).map((l) => l.id).sort()).toEqual([ids.alert.later, ids.alert.undated].sort());
  });
});
