import canonicalizeModule from 'canonicalize';

// The package is CommonJS whose typings declare an ES default export; at run
// time the default import is the function itself.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/**
 * JSON Canonicalization Scheme (RFC 8785): sorted keys, no whitespace,
 * ECMAScript number formatting. Used wherever bytes are hashed or signed
 * (pact signatures, the audit chain, federation envelopes), so that two
 * parties that hold the same value compute the same bytes.
 */
export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
};
