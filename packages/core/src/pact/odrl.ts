/**
 * Data-sharing clauses as a W3C ODRL 2.2 policy in JSON-LD, so data spaces
 * that speak ODRL can read what the pact allows. Facts from the ODRL 2.2
 * Information Model and Vocabulary (W3C Recommendation, 2018): an
 * `Agreement` needs an assigner and an assignee on each rule, so every
 * (from, to) pair of a clause becomes one permission; purpose and the
 * pact's term are standard constraints (`purpose`, `dateTime`); deletion
 * after the retention period is a `delete` duty with an `elapsedTime`
 * constraint; consent is an `obtainConsent` duty; dropped fields are an
 * `anonymize` duty refined to those fields. What ODRL has no term for —
 * granularity, the small-cell threshold, a CEL condition — is stated with
 * terms of a Concord profile under `urn:concord:`.
 */
import type { DataSharingClause } from './clauses.ts';
import type { Pact } from './model.ts';
import { expandParties } from './parties.ts';
import { PUBLIC } from './vocabulary.ts';
import { findDataset } from '../catalogue/index.ts';

export const ODRL_CONTEXT = 'http://www.w3.org/ns/odrl.jsonld';
export const CONCORD_PROFILE = 'urn:concord:odrl:pact-profile';

type JsonLd = Record<string, unknown>;

const partyIri = (code: string): string | JsonLd =>
  code === PUBLIC ? { '@type': 'PartyCollection', uid: 'urn:concord:public' } : `urn:concord:party:${code}`;

const date = (value: string): JsonLd => ({ '@value': value, '@type': 'xsd:date' });

const constraints = (pact: Pact, clause: DataSharingClause): JsonLd[] => {
  const list: JsonLd[] = [
    { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: clause.purposes.map((p) => `urn:concord:purpose:${p}`) },
    { leftOperand: 'dateTime', operator: 'gteq', rightOperand: date(pact.effective) },
    { leftOperand: 'dateTime', operator: 'lt', rightOperand: date(pact.sunset) },
    { leftOperand: 'concord:finestPlace', operator: 'eq', rightOperand: clause.granularity.place },
    { leftOperand: 'concord:finestTime', operator: 'eq', rightOperand: clause.granularity.time },
  ];
  if (clause.minCellSize !== undefined) list.push({ leftOperand: 'concord:cellCount', operator: 'gteq', rightOperand: clause.minCellSize });
  if (clause.roles) list.push({ leftOperand: 'concord:requesterRole', operator: 'isAnyOf', rightOperand: clause.roles });
  if (clause.condition) {
    list.push({ leftOperand: 'concord:condition', operator: 'eq', rightOperand: { '@value': clause.condition, '@type': 'concord:cel' } });
  }
  return list;
};

const duties = (clause: DataSharingClause): JsonLd[] => {
  const list: JsonLd[] = [
    {
      action: 'delete',
      constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: { '@value': `P${clause.retentionDays}D`, '@type': 'xsd:duration' } }],
    },
  ];
  const datasetFields = findDataset(clause.dataset)?.fields ?? [];
  const dropped = clause.dropFields ?? (clause.fields ? datasetFields.filter((f) => !clause.fields?.includes(f)) : []);
  if (dropped.length > 0) {
    list.push({
      action: [{ 'rdf:value': { '@id': 'odrl:anonymize' }, refinement: [{ leftOperand: 'concord:field', operator: 'isAnyOf', rightOperand: dropped }] }],
    });
  }
  if (clause.consentRequired) list.push({ action: 'obtainConsent' });
  return list;
};

const permissions = (pact: Pact, clause: DataSharingClause): JsonLd[] => {
  const base = `urn:concord:pact:${pact.id}:v${pact.version}:clause:${clause.id}`;
  const shared = { target: `urn:concord:dataset:${clause.dataset}`, constraint: constraints(pact, clause), duty: duties(clause) };
  return expandParties(pact, clause.from).flatMap((from) =>
    expandParties(pact, clause.to)
      .filter((to) => to !== from)
      .map((to) => ({
        uid: `${base}:${from}-${to}`,
        assigner: partyIri(from),
        assignee: partyIri(to),
        action: to === PUBLIC ? 'distribute' : 'use',
        ...shared,
      })),
  );
};

/** The pact's data-sharing clauses as one ODRL Agreement. */
export const toOdrl = (pact: Pact): JsonLd => ({
  '@context': [ODRL_CONTEXT, { xsd: 'http://www.w3.org/2001/XMLSchema#', rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', concord: 'urn:concord:odrl:' }],
  '@type': 'Agreement',
  uid: `urn:concord:pact:${pact.id}:v${pact.version}`,
  profile: CONCORD_PROFILE,
  permission: pact.clauses.flatMap((clause) => (clause.kind === 'data-sharing' ? permissions(pact, clause) : [])),
});
