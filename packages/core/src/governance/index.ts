export * from './obligations.ts';
