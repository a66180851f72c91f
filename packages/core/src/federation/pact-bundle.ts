/**
 * A signed pact bundle: how a node is given a pact that was negotiated and
 * signed elsewhere. It carries each version's exact source text and the
 * parties' Ed25519 signatures over its canonical JSON (RFC 8785), nothing
 * else to trust: the public keys that verify the signatures are inside the
 * signed documents, so a node that checks every signature before accepting
 * a bundle pins exactly the keys the parties signed.
 */
import { z } from 'zod';
import { slug } from '../pact/clauses.ts';
import type { Pact } from '../pact/model.ts';
import { signatureStatus, signPact, verifyPactSignature, type SigningKey } from '../pact/signature.ts';
import { formatDiagnostic, validatePact } from '../pact/validate.ts';

export const PACT_BUNDLE_FORMAT = 'concord-pact-bundle';

const signatureSchema = z.strictObject({
  party: z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a 64-byte Ed25519 signature in base64url'),
  /** When the party signed, as the ceremony recorded it (not covered by the signature). */
  signedAt: z.iso.datetime({ offset: true }).optional(),
});

export const pactBundleSchema = z.strictObject({
  format: z.literal(PACT_BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  pactId: slug,
  versions: z.array(z.strictObject({ source: z.string().min(1).max(2_000_000), signatures: z.array(signatureSchema).max(500) })).min(1).max(100),
});

export type PactBundle = z.infer<typeof pactBundleSchema>;
export type BundleSignature = z.infer<typeof signatureSchema>;

export interface VerifiedVersion {
  pact: Pact;
  source: string;
  sourceFormat: 'yaml' | 'json';
  signatures: BundleSignature[];
}

export type BundleCheck = { ok: true; pactId: string; versions: VerifiedVersion[] } | { ok: false; problems: string[] };

const verifyVersion = (bundle: PactBundle, entry: PactBundle['versions'][number], index: number, problems: string[]): VerifiedVersion | undefined => {
  const label = `versions[${index}]`;
  const format = entry.source.trimStart().startsWith('{') ? 'json' : 'yaml';
  const result = validatePact(entry.source, `${label}.${format}`);
  if (!result.pact || result.diagnostics.length > 0) {
    problems.push(...result.diagnostics.map(formatDiagnostic));
    return undefined;
  }
  const pact = result.pact;
  if (pact.id !== bundle.pactId) problems.push(`${label}: the document is pact ${pact.id}, not ${bundle.pactId}`);
  const missing = signatureStatus(pact, entry.signatures).missing;
  if (missing.length > 0) problems.push(`${label} (version ${pact.version}): not signed by ${missing.join(', ')}`);
  for (const signature of entry.signatures) {
    const member = signature.party === pact.hub.code || pact.parties.some((party) => party.code === signature.party);
    if (!member) problems.push(`${label}: ${signature.party} is not a party to version ${pact.version}`);
    else if (!verifyPactSignature(pact, signature.party, signature.signature)) {
      problems.push(`${label} (version ${pact.version}): the signature of ${signature.party} does not verify against the key the document lists`);
    }
  }
  return { pact, source: entry.source, sourceFormat: format, signatures: entry.signatures };
};

/**
 * Checks a bundle completely before anything is stored: its shape, every
 * document (a valid pact with the bundle's id), consecutive versions each
 * amending the one before, and every signature — every party must have
 * signed each version, and any signature present must verify. Never throws.
 */
export const verifyPactBundle = (input: unknown): BundleCheck => {
  const parsed = pactBundleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'bundle'}: ${issue.message}`) };
  const bundle = parsed.data;
  const problems: string[] = [];
  const versions: VerifiedVersion[] = [];
  bundle.versions.forEach((entry, index) => {
    const verified = verifyVersion(bundle, entry, index, problems);
    if (!verified) return;
    const previous = versions[versions.length - 1];
    if (previous && (verified.pact.version !== previous.pact.version + 1 || verified.pact.amends !== previous.pact.version)) {
      problems.push(`versions[${index}]: version ${verified.pact.version} must be ${previous.pact.version + 1} and amend ${previous.pact.version}`);
    }
    versions.push(verified);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pactId: bundle.pactId, versions };
};

/** The signing ceremony: each holder of a key signs the version's canonical bytes. */
export const signPactVersion = (pact: Pact, keys: Readonly<Record<string, SigningKey>>, signedAt?: string): BundleSignature[] =>
  Object.entries(keys).map(([party, key]) => ({ party, signature: signPact(pact, key), ...(signedAt ? { signedAt } : {}) }));

export const buildPactBundle = (pactId: string, versions: PactBundle['versions']): PactBundle => ({
  format: PACT_BUNDLE_FORMAT,
  formatVersion: 1,
  pactId,
  versions,
});
