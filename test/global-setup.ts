import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplate, dropPostgresTemplate } from './support/template.ts';

/**
 * Migrates and seeds the base demo region ONCE per run, then every test file
 * starts from a copy: a PGlite data-directory dump restored in memory, or a
 * PostgreSQL database created from a template database. A fresh PGlite costs
 * seconds (initdb); a restored one well under one.
 */
export default async function setup(project: TestProject) {
  // Runs in the main process, where the project's `env` is not applied: the
  // project's name says which database it tests.
  if (project.name === 'postgres') {
    const url = process.env.CONCORD_TEST_DATABASE_URL!;
    const template = await buildTemplate('postgres', url);
    project.provide('postgresTemplate', template as string);
    return async () => dropPostgresTemplate(url, template as string);
  }
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-'));
  const path = join(dir, 'template.tar');
  const dump = (await buildTemplate('pglite')) as Blob;
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
  return async () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
