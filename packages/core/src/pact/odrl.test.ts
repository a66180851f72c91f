import { describe, expect, it } from 'vitest';
import { toOdrl } from './odrl.ts';
import { examplePact } from './test-pacts.ts';

const pact = examplePact();
const policy = toOdrl(pact) as {
  '@context': unknown[];
  '@type': string;
  uid: string;
  permission: {
    uid: string;
    target: string;
    assigner: unknown;
    assignee: unknown;
    action: string;
    constraint: { leftOperand: string; operator: string; rightOperand: unknown }[];
    duty: { action: unknown; constraint?: { leftOperand: string; rightOperand: unknown }[] }[];
  }[];
};

describe('toOdrl', () => {
  it('is an ODRL 2.2 Agreement in JSON-LD', () => {
    expect(policy['@context'][0]).toBe('http://www.w3.org/ns/odrl.jsonld');
    expect(policy['@type']).toBe('Agreement');
    expect(policy.uid).toBe('urn:concord:pact:eac-health-security-pact:v1');
  });

  it('has one permission per sharing pair, each with one assigner and one assignee', () => {
    // hub aggregates 8×1, partner aggregates 8×7, hub signals 8×1, Lake Victoria case reports 3×2,
    // stock levels 8×2, public case counts 8×1, public response times 8×1.
    expect(policy.permission).toHaveLength(8 + 56 + 8 + 6 + 16 + 8 + 8);
    for (const permission of policy.permission) {
      expect(permission.assigner).toBeDefined();
      expect(permission.assignee).toBeDefined();
      expect(permission.assigner).not.toEqual(permission.assignee);
    }
    expect(new Set(policy.permission.map((p) => p.uid)).size).toBe(policy.permission.length);
  });

  it('states purpose, term, retention and dropped fields', () => {
    const cases = policy.permission.find((p) => p.uid.endsWith('case-reports-lake-victoria-outbreak:KE-UG'));
    expect(cases).toMatchObject({ target: 'urn:concord:dataset:case-reports', assigner: 'urn:concord:party:KE', assignee: 'urn:concord:party:UG', action: 'use' });
    expect(cases?.constraint).toContainEqual({ leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['urn:concord:purpose:outbreak-response'] });
    expect(cases?.constraint).toContainEqual({ leftOperand: 'dateTime', operator: 'gteq', rightOperand: { '@value': '2023-01-01', '@type': 'xsd:date' } });
    expect(cases?.constraint).toContainEqual({ leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': '2032-12-31', '@type': 'xsd:date' } });
    expect(cases?.duty[0]).toEqual({
      action: 'delete',
      constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: { '@value': 'P90D', '@type': 'xsd:duration' } }],
    });
    expect(JSON.stringify(cases?.duty[1])).toContain('"rightOperand":["patientName","phone","nationalId","village"]');
  });

  it('distributes to the public and leaves other clause kinds out', () => {
    const publicStock = policy.permission.filter((p) => p.target === 'urn:concord:dataset:stock-levels' && p.action === 'distribute');
    expect(publicStock).toHaveLength(8);
    expect(publicStock[0]?.assignee).toEqual({ '@type': 'PartyCollection', uid: 'urn:concord:public' });
    const publicCounts = policy.permission.filter((p) => p.target === 'urn:concord:dataset:aggregate-counts' && p.action === 'distribute');
    expect(publicCounts.map((p) => p.assigner)).toHaveLength(8);
    expect(policy.permission.every((p) => p.target.startsWith('urn:concord:dataset:'))).toBe(true);
  });
});
