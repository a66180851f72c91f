export * from './errors.ts';
export * from './roles.ts';
export * from './catalogue/index.ts';
