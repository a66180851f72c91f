/**
 * The pact document: parties, hub, term and clauses. This file and
 * clauses.ts are the single definition of the format; the JSON Schema
 * (schema.ts) and the TypeScript types are generated from them.
 */
import { z } from 'zod';
import { clauseSchema, isoDate, positiveInt, slug } from './clauses.ts';

/**
 * A node's Ed25519 public key: the 32 raw key bytes in base64url without
 * padding, which is also the `x` member of the key's JWK (RFC 8037).
 */
export const publicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key: 32 bytes in base64url (the JWK "x" value)')
  .describe('Ed25519 public key: 32 raw bytes, base64url without padding (JWK x)');

export const nodeSchema = z.strictObject({
  url: z.url().describe('Base URL of the Concord node'),
  publicKey: publicKeySchema.optional(),
});

export const partySchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as KE')
    .describe('ISO 3166-1 alpha-2 country code'),
  name: z.string().min(1),
  node: nodeSchema.optional(),
});

export const hubSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{2,15}$/, 'upper-case letters and digits, 3 to 16 long, such as EAC')
    .describe('Code of the regional hub (secretariat); three letters or more so it never collides with a country'),
  name: z.string().min(1),
  node: nodeSchema.optional(),
});

export const pactSchema = z.strictObject({
  id: slug.describe('Stable pact id'),
  title: z.string().min(1),
  version: positiveInt.describe('Version number, 1 for the original text, +1 per amendment'),
  amends: positiveInt.optional().describe('The version this one amends'),
  hub: hubSchema,
  parties: z.array(partySchema).min(1),
  effective: isoDate.describe('First day in force (00:00 UTC)'),
  sunset: isoDate.describe('The pact stops being in force at 00:00 UTC on this day'),
  renewalNoticeDays: z.number().int().min(0).describe('Days before sunset by which parties give notice to renew or withdraw'),
  clauses: z.array(clauseSchema),
});

export type Pact = z.infer<typeof pactSchema>;
export type Party = z.infer<typeof partySchema>;
export type Hub = z.infer<typeof hubSchema>;
export type PactNode = z.infer<typeof nodeSchema>;

/** Returns the pact's JSON Schema (draft 2020-12), as served at /schemas/pact.json. */
export const pactJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(pactSchema),
  $id: 'urn:concord:schema:pact',
  title: 'Concord pact',
  description: 'A cross-border health cooperation agreement as versioned, executable clauses. See docs/pact.md.',
});
