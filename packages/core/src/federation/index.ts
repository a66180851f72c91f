/**
 * Federation between nodes, the pure part: message types and their payload
 * schemas, the envelope, the pact requests each message needs, obligations
 * applied to payloads, retry backoff, signed pact bundles, and the facts a
 * message states for its decisions (docs/federation.md).
 */
export * from './message-types.ts';
export * from './envelope.ts';
export * from './plan.ts';
export * from './shape.ts';
export * from './retry.ts';
export * from './pact-bundle.ts';
export * from './stated-facts.ts';
