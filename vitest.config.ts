import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers (docs/testing.md):
 * - unit:     pure code, `*.test.ts` beside it;
 * - pglite:   database and HTTP integration, `*.int.test.ts`, on embedded PGlite;
 * - postgres: the same files on a PostgreSQL server (CONCORD_TEST_DATABASE_URL);
 * - e2e:      the dashboard in Debian's Chromium, `test/e2e/*.e2e.test.ts`.
 * On CI every tier is required; elsewhere a tier whose component is missing
 * is announced and left out, so `npm test` passes on a machine with only Node.
 */
const ci = process.env.CI === 'true';
const postgresUrl = process.env.CONCORD_TEST_DATABASE_URL;
const chromium = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);

if (ci && !postgresUrl) throw new Error('CI=true needs CONCORD_TEST_DATABASE_URL for the PostgreSQL tier');
if (ci && !haveChromium) throw new Error(`CI=true needs Chromium at ${chromium} for the e2e tier`);
// Announced once per run, not once per worker that loads this file.
if (!process.env.CONCORD_TEST_TIERS_ANNOUNCED) {
  process.env.CONCORD_TEST_TIERS_ANNOUNCED = '1';
  if (!postgresUrl) console.log('[tests] PostgreSQL tier left out: set CONCORD_TEST_DATABASE_URL to include it');
  if (!haveChromium) console.log(`[tests] e2e tier left out: no Chromium at ${chromium}`);
}

const unitInclude = ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'];
const unitExclude = ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'];
const intInclude = ['packages/*/src/**/*.int.test.ts', 'test/**/*.int.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unitInclude, exclude: unitExclude } },
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: intInclude,
          env: { CONCORD_TEST_DB: 'pglite' },
          globalSetup: ['./test/global-setup.ts'],
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: intInclude,
                // The federation demo starts its own nodes on embedded databases: the server tier would run the same thing again.
                exclude: ['**/node_modules/**', 'test/federation/demo.int.test.ts'],
                env: { CONCORD_TEST_DB: 'postgres' },
                globalSetup: ['./test/global-setup.ts'],
                // One server is shared; files run one at a time so that
                // schema-per-file setup never races.
                fileParallelism: false,
              },
            },
          ]
        : []),
      ...(haveChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['test/e2e/**/*.e2e.test.ts'],
                // Builds the dashboard if needed; each file starts its own server.
                globalSetup: ['./test/e2e/global-setup.ts'],
                fileParallelism: false,
                testTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
