export * from './errors.ts';
export * from './roles.ts';
export * from './canonical-json.ts';
export * from './seeded-random.ts';
export * from './catalogue/index.ts';
export * from './surveillance/index.ts';
export * from './events/index.ts';
export * from './pact/index.ts';
