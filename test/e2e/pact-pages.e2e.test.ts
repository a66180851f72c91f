import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import fr from '../../packages/web/src/shared/i18n/fr.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/** The pact pages: the pact in force in plain words, a version's signatures, the diff, what a party owes, and refusals in French. */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

const PACT = '/pacts/eac-health-security-pact';

describe('the pact in force', () => {
  it('lists every clause of version 2 in plain words, with kinds to filter by', async () => {
    const session = await browse('pact-clauses');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.nav.pact, exact: true }).click();
    await page.waitForURL(`${server.url}${PACT}`);
    await page.getByRole('heading', { level: 1, name: 'East African Community Regional Health Security Pact' }).waitFor();
    await page.getByText(en.terms['in-force'], { exact: true }).first().waitFor();

    const clauses = page.locator('[data-testid=clause-list] > li');
    await clauses.nth(17).waitFor();
    await expect(clauses.count()).resolves.toBe(18);
    // Each clause says what it promises in sentences, not as its YAML.
    for (let i = 0; i < 18; i += 1) {
      const sentences = await clauses.nth(i).locator('ul > li').allTextContents();
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) expect(sentence).toMatch(/[.:]$/);
    }
    await expect(page.locator('[data-clause-id=cholera-stockpile]').textContent()).resolves.toContain('Each party keeps 15% of its national stock');
    await expect(page.locator('[data-clause-id=cholera-stockpile]').textContent()).resolves.toContain('within 48 hours');

    // Two versions, each signed by all eight partner states.
    const versions = page.locator('[data-testid=versions-table] tbody tr');
    await expect(versions.count()).resolves.toBe(2);
    for (const row of await versions.allTextContents()) expect(row).toContain('8 of 8 signed');

    await page.getByLabel(en.pact.filterKind).selectOption('milestone');
    await expect.poll(() => clauses.count()).toBe(3);
    expect(session.problems).toEqual([]);
  });

  it('shows who signed a version, when, and their key fingerprints', async () => {
    const session = await browse('pact-version-signatures');
    const { page } = session;
    await signIn(session, server.url, demo('auditor'));
    await page.waitForURL(`${server.url}/audit`);
    await page.goto(`${server.url}${PACT}/versions/2`);
    const rows = page.locator('[data-testid=signatures-table] tbody tr');
    await rows.nth(8).waitFor();
    const texts = await rows.allTextContents();
    // Eight parties and the hub, whose signature is not needed.
    expect(texts).toHaveLength(9);
    expect(texts.filter((text) => text.includes(en.pact.signature.signed))).toHaveLength(8);
    await expect.poll(() => page.locator('[data-testid=signatures-table] code:has-text("SHA256:")').count()).toBe(9);
    const fingerprints = await page.locator('[data-testid=signatures-table] tbody tr td:nth-child(4) code').allTextContents();
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    await expect(page.locator('[data-testid=clause-list] > li').count()).resolves.toBe(18);
  });

  it('names the cholera reserve change and the mpox clause between versions 1 and 2', async () => {
    const session = await browse('pact-diff');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}${PACT}`);
    await page.getByRole('link', { name: en.pact.sectionDiff }).click();
    await page.waitForURL(`${server.url}${PACT}/diff`);
    const changes = page.locator('[data-testid=diff-list] > li');
    await changes.first().waitFor();
    const sentences = await changes.allTextContents();
    expect(sentences).toEqual(
      expect.arrayContaining([expect.stringMatching(/cholera-stockpile.*0\.1 to 0\.15/), expect.stringMatching(/mpox-case-reports-great-lakes.*added/)]),
    );
    await expect(page.getByRole('combobox', { name: new RegExp(`^${en.diff.from}`) }).inputValue()).resolves.toBe('1');
    await expect(page.getByRole('combobox', { name: new RegExp(`^${en.diff.to}`) }).inputValue()).resolves.toBe('2');
  });
});

describe('what each party owes now', () => {
  it('shows a national focal point what Kenya owes, with a reporting deadline on a clock', async () => {
    const session = await browse('duties-kenya');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    // The focal point's start page leads there; so does the navigation.
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.nav.duties }).waitFor();
    await page.getByRole('link', { name: en.country.owesNow.replace('{{country}}', 'Kenya') }).click();
    await page.waitForURL(`${server.url}${PACT}/duties?party=KE`);
    await page.getByRole('heading', { level: 1, name: 'What Kenya owes now' }).waitFor();
    await expect(page.getByLabel(en.duties.party).inputValue()).resolves.toBe('KE');

    const weekly = page.locator('[data-testid=duties-reports] tbody tr', { hasText: 'weekly-aggregates-to-hub' });
    await weekly.waitFor();
    const clock = weekly.locator('.clock');
    const days = Number(await clock.getAttribute('data-days'));
    // A weekly report is due at most a week and two days ahead.
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThanOrEqual(9);
    await expect(clock.locator('.clock-words').textContent()).resolves.toMatch(days === 0 ? /due today/ : /^due in \d+ days?$/);
    await expect(page.locator('[data-testid=duties-reserves]').textContent()).resolves.toContain('15%');
    await page.getByRole('heading', { name: en.duties.renewalHeading }).waitFor();
    expect(session.problems).toEqual([]);
  });

  it('fits a phone without scrolling sideways', async () => {
    const session = await browse('duties-phone', { viewport: { width: 390, height: 844 } });
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.goto(`${server.url}${PACT}/duties?party=KE`);
    await page.locator('[data-testid=duties-reports] tbody tr').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('lifecycle controls', () => {
  it('shows a French negotiator the refusal to resume a pact in force as its French sentence', async () => {
    const session = await browse('pact-resume-refused-fr');
    const { page } = session;
    await signIn(session, server.url, demo('negotiator'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}${PACT}`);
    await page.getByRole('heading', { name: fr.lifecycle.heading }).waitFor();
    await page.getByRole('button', { name: fr.lifecycle.resume }).click();
    await page.getByRole('button', { name: fr.lifecycle.confirm.resume }).click();
    const alert = page.locator('[role=alert][data-error-code=PACT_WRONG_STATE]');
    await alert.waitFor();
    const expected = fr.errors.PACT_WRONG_STATE.replace('{{action}}', fr.terms.resume).replace('{{state}}', fr.terms['in-force']);
    await expect(alert.textContent()).resolves.toBe(expected);
    // Nothing changed: the pact is still in force.
    await page.reload();
    await page.getByText(fr.terms['in-force'], { exact: true }).first().waitFor();
  });

  it('hides the controls from a national focal point', async () => {
    const session = await browse('pact-no-controls');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.goto(`${server.url}${PACT}`);
    await page.locator('[data-testid=clause-list] > li').first().waitFor();
    await expect(page.getByRole('heading', { name: en.lifecycle.heading }).count()).resolves.toBe(0);
  });
});
