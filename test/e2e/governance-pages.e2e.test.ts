import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/** The governance pages: breaches and their 72-hour clocks, the decision log, the access report, retention and keys. */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

describe('breaches', () => {
  it('reports and assesses a breach through the pages, and shows its 72-hour clock running', async () => {
    const session = await browse('breach-report-assess');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.nav.breaches }).click();
    await page.getByRole('link', { name: en.breaches.reportLink }).click();
    await page.waitForURL(`${server.url}/breaches/report`);
    await page.getByLabel(en.breaches.titleField, { exact: true }).fill('Line list emailed to the wrong address');
    await page.getByLabel(en.breaches.nature, { exact: true }).fill('A district officer emailed a cholera line list to an outside address.');
    // "Known since" defaults to a minute ago.
    await page.getByRole('button', { name: en.breaches.reportSubmit }).click();
    await page.waitForURL(/\/breaches\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Line list emailed to the wrong address' }).waitFor();

    const clock = page.locator('[data-testid=breach-clock] .clock');
    await expect(clock.getAttribute('data-clock-status')).resolves.toBe('open');
    const left = /^(\d+) h (\d+) min left to notify$/.exec((await clock.textContent()) ?? '');
    expect(left).not.toBeNull();
    expect(Number(left![1])).toBeGreaterThanOrEqual(70);
    expect(Number(left![1])).toBeLessThanOrEqual(71);
    await expect(page.getByTestId('breach-status').textContent()).resolves.toBe(en.terms.reported);

    // Closing now is refused, and the refusal is a sentence.
    await page.locator('details[data-action=close] > summary').click();
    await page.locator('details[data-action=close] button[type=submit]').click();
    const refusal = page.locator('details[data-action=close] [role=alert][data-error-code=GOVERNANCE_BREACH_NOT_CLOSABLE]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(en.errors.GOVERNANCE_BREACH_NOT_CLOSABLE.replace('{{why}}', en.terms['it has not been assessed']));

    // The assessment form is the one open first.
    const assess = page.locator('details[data-action=assess]');
    await expect(assess.getAttribute('open')).resolves.not.toBeNull();
    // A select's accessible name also holds its chosen option, so match the start of it.
    await assess.getByRole('combobox', { name: new RegExp(`^${en.breaches.risk}`) }).selectOption('high');
    await assess.getByLabel(en.breaches.dataSubjects, { exact: true }).fill('Cholera patients of one district');
    await assess.getByLabel(en.breaches.subjectsApprox, { exact: true }).fill('42');
    await assess.getByLabel(en.breaches.records, { exact: true }).fill('Line-list rows with names and phone numbers');
    await assess.getByLabel(en.breaches.likelyConsequences, { exact: true }).fill('Stigma and unwanted contact');
    await assess.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('breach-status').textContent()).toBe(en.terms.assessed);
    await expect(page.locator('[data-testid=breach-timeline] tbody tr').count()).resolves.toBe(2);
    // Still owed, still counting.
    await expect(page.locator('[data-testid=breach-clock] .clock').getAttribute('data-clock-status')).resolves.toBe('open');

    // The list shows it with the same clock.
    await page.goto(`${server.url}/breaches`);
    const row = page.locator('[data-testid=breaches-table] tbody tr', { hasText: 'Line list emailed to the wrong address' });
    await row.waitFor();
    await expect(row.locator('.clock').textContent()).resolves.toMatch(/left to notify$/);
    expect(session.problems).toEqual([]);
  });
});

describe('the decision log', () => {
  it('keeps no dry run, but lists a decision the node made, linked to its clause', async () => {
    const session = await browse('decision-log');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);

    // A dry run: the default example asks to send Burundi's weekly counts to the hub.
    await page.goto(`${server.url}/pact/try`);
    await page.getByRole('button', { name: en.try.ask }).click();
    const result = page.locator('[data-testid=decision-result]');
    await result.waitFor();
    await expect(result.getAttribute('data-effect')).resolves.toBe('permit');
    await expect(result.textContent()).resolves.toContain('weekly-aggregates-to-hub');
    await expect(result.textContent()).resolves.toContain(en.decision.notStored);
    await expect(result.locator('[data-obligation=suppress-below]').textContent()).resolves.toBe('Hide counts below 5.');

    await page.goto(`${server.url}/decisions?clause=weekly-aggregates-to-hub`);
    const rows = page.locator('[data-testid=decisions-table] tbody tr');
    await rows.first().waitFor();
    await expect(rows.allTextContents()).resolves.toEqual([en.common.noRows]);

    // The public stock page makes the node decide under the pact, and it records each decision.
    const published = await fetch(`${server.url}/api/v1/public/stock-levels`);
    expect(published.status).toBe(200);
    await page.goto(`${server.url}/decisions?clause=stock-levels-public`);
    const link = page.locator('[data-testid=decisions-table] [data-clause-link=stock-levels-public]').first();
    await link.waitFor();
    await expect(page.locator('[data-testid=decisions-table] tbody tr').first().textContent()).resolves.toContain(en.decision.permit);
    await link.click();
    await page.waitForURL(`${server.url}/pacts/eac-health-security-pact/versions/2#clause-stock-levels-public`);
    const clause = page.locator('#clause-stock-levels-public');
    await clause.waitFor();
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('clause-stock-levels-public');
  });

  it('shows Kenya the public page’s reading of its stock in its access report', async () => {
    await fetch(`${server.url}/api/v1/public/stock-levels`);
    const session = await browse('access-report-kenya');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.goto(`${server.url}/governance/access-report`);
    const row = page.locator('[data-testid=access-report-table] tbody tr', { hasText: 'stock-levels' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('system:public-dashboard');
    await expect(row.locator('a').textContent()).resolves.toBe('stock-levels-public');
    // Another party's report is out of reach, in words.
    await page.goto(`${server.url}/governance/access-report?party=UG`);
    const alert = page.locator('[role=alert][data-error-code=ACCESS_OUT_OF_SCOPE]');
    await alert.waitFor();
  });
});

describe('retention and keys', () => {
  it('lets the hub coordinator rotate the field key after confirming, and shows it done', async () => {
    const session = await browse('keys-rotation');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.nav.dataCare }).click();
    await page.waitForURL(`${server.url}/governance/retention`);
    const before = await page.getByTestId('active-key').textContent();
    await page.getByRole('button', { name: en.dataCare.rotate }).click();
    await page.getByRole('button', { name: en.dataCare.rotateYes }).click();
    const rotation = page.locator('[data-testid=key-rotations] tbody tr').first();
    await expect.poll(() => rotation.textContent(), { timeout: 20_000 }).toContain(en.dataCare.rotation.done);
    const after = await page.getByTestId('active-key').textContent();
    expect(after).not.toBe(before);
    await expect(rotation.textContent()).resolves.toContain(after!);
  });

  it('is not for a national focal point', async () => {
    const session = await browse('keys-refused');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.goto(`${server.url}/governance/retention`);
    await page.locator('[role=alert][data-error-code=ACCESS_ROLE_DENIED]').waitFor();
  });
});
