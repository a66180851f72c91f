import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/** GET /pacts/:id/versions/:version/clauses: the clauses of a version in plain words. */
const ID = 'eac-health-security-pact';
let node: TestNode;
let hub: { authorization: string };
let burundi: { authorization: string };
beforeAll(async () => {
  node = await startTestNode();
  hub = await node.signIn(demoEmail('hub'));
  burundi = await node.signIn(demoEmail('nfp.bi'));
});
afterAll(() => node.close());

interface Described {
  id: string;
  kind: string;
  title: string;
  sentences: string[];
}

const clauses = async (version: number, headers: Record<string, string>, lang?: string) => {
  const response = await node.app.inject({ url: `/api/v1/pacts/${ID}/versions/${version}/clauses${lang ? `?lang=${lang}` : ''}`, headers });
  return { status: response.statusCode, body: response.json() };
};

describe('the clauses of a version in plain words', () => {
  it('lists every clause of version 2 in document order, each with its kind, title and sentences', async () => {
    const { status, body } = await clauses(2, hub, 'en');
    expect(status).toBe(200);
    const version = (await node.app.inject({ url: `/api/v1/pacts/${ID}/versions/2`, headers: hub })).json();
    const described = body as Described[];
    expect(described.map((c) => c.id)).toEqual(version.document.clauses.map((c: { id: string }) => c.id));
    expect(described).toHaveLength(18);
    for (const clause of described) {
      expect(clause.sentences.length).toBeGreaterThan(0);
      expect(clause.title).toBe(version.document.clauses.find((c: { id: string }) => c.id === clause.id).title);
    }
    const reserve = described.find((c) => c.id === 'cholera-stockpile')!;
    expect(reserve.kind).toBe('stockpile-sharing');
    expect(reserve.sentences.join(' ')).toMatch(/keeps 15% of its national stock.*within 48 hours/);
  });

  it('says what version 1 promised, before the amendment', async () => {
    const described = (await clauses(1, hub, 'en')).body as Described[];
    expect(described).toHaveLength(17);
    expect(described.map((c) => c.id)).not.toContain('mpox-case-reports-great-lakes');
    expect(described.find((c) => c.id === 'cholera-stockpile')!.sentences[0]).toContain('keeps 10% of its national stock');
  });

  it('speaks French when asked, and the account’s language when not', async () => {
    const french = (await clauses(2, hub, 'fr')).body as Described[];
    expect(french.find((c) => c.id === 'cholera-stockpile')!.sentences.join(' ')).toContain('dans les 48 heures');
    const byAccount = (await clauses(2, burundi)).body as Described[];
    expect(byAccount).toEqual(french);
    const english = (await clauses(2, hub)).body as Described[];
    expect(english.find((c) => c.id === 'cholera-stockpile')!.sentences.join(' ')).toContain('within 48 hours');
  });

  it('refuses a visitor, an unknown version and an unknown language', async () => {
    const anonymous = await clauses(2, {});
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'AUTH_REQUIRED' } });
    const missing = await clauses(9, hub);
    expect(missing).toMatchObject({ status: 404, body: { code: 'PACT_VERSION_NOT_FOUND', params: { version: 9 } } });
    const german = await clauses(2, hub, 'de');
    expect(german).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
