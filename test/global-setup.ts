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
  // The jurisdictions' signing keys the template's pact was signed with;
  // tests that sign or send open the same key store.
  const dir = mkdtempSync(join(tmpdir(), 'concord-test-'));
  const keyDir = join(dir, 'keys');
  project.provide('testKeyDir', keyDir);
  if (project.name === 'postgres') {
    const url = process.env.CONCORD_TEST_DATABASE_URL!;
    const template = await buildTemplate('postgres', keyDir, url);
    project.provide('postgresTemplate', template as string);
    return async () => {
      await dropPostgresTemplate(url, template as string);
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const path = join(dir, 'template.tar');
  const dump = (await buildTemplate('pglite', keyDir)) as Blob;
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
  return async () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    testKeyDir: string;
  }
}
