export * from './diseases.ts';
export * from './products.ts';
export * from './datasets.ts';
