import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/** Sign-in, start pages, the public page and refusals shown in words, in Debian's Chromium. */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

describe('signing in', () => {
  it('takes the hub coordinator to the region at a glance', async () => {
    const session = await browse('hub-signs-in');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByRole('heading', { level: 1, name: en.region.title }).waitFor();
    await page.getByText('Hub Coordinator (demo)').waitFor();
    // The hub's navigation reaches users and the audit log.
    const nav = page.getByRole('navigation', { name: en.layout.navigation });
    await nav.getByRole('link', { name: en.nav.users }).waitFor();
    await nav.getByRole('link', { name: en.nav.audit }).waitFor();
    expect(session.problems).toEqual([]);
  });

  it('takes a national focal point to their own country', async () => {
    const session = await browse('nfp-ke-signs-in');
    await signIn(session, server.url, demo('nfp.ke'));
    await session.page.waitForURL(`${server.url}/region/KE`);
    await session.page.getByRole('heading', { level: 1, name: 'Kenya' }).waitFor();
  });

  it('says in words that a wrong password does not match, and stays on the sign-in page', async () => {
    const session = await browse('wrong-password');
    const { page } = session;
    await signIn(session, server.url, demo('hub'), 'not-the-password');
    const alert = page.locator('[role=alert][data-error-code=AUTH_INVALID_CREDENTIALS]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(en.errors.AUTH_INVALID_CREDENTIALS);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('sends a visitor to sign in first, then on to the page they asked for', async () => {
    const session = await browse('sign-in-then-next');
    const { page } = session;
    await page.goto(`${server.url}/audit`);
    await page.waitForURL(/\/sign-in\?next=%2Faudit$/);
    await page.getByLabel('Email').fill(demo('auditor'));
    await page.getByLabel('Password').fill('concord-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/audit`);
    await page.locator('[data-testid=audit-table] tbody tr').first().waitFor();
    await page.getByRole('button', { name: en.audit.verify }).click();
    await page.getByText(/^The chain is intact/).waitFor();
  });
});

describe('refusals', () => {
  it('tells a national focal point in words that another country’s users are out of reach', async () => {
    const session = await browse('nfp-ke-out-of-scope');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    // Their own country's users are listed…
    await page.goto(`${server.url}/users`);
    const rows = page.locator('[data-testid=users-table] tbody tr');
    await rows.first().waitFor();
    const countries = await page.locator('[data-testid=users-table] tbody tr td:nth-child(3)').allTextContents();
    expect(countries.length).toBeGreaterThan(0);
    expect(new Set(countries)).toEqual(new Set(['KE']));
    // …Uganda's are refused by the node, and the refusal is a sentence, not a code.
    await page.goto(`${server.url}/users?jurisdiction=UG`);
    const alert = page.locator('[role=alert][data-error-code=ACCESS_OUT_OF_SCOPE]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(en.errors.ACCESS_OUT_OF_SCOPE.replace('{{jurisdiction}}', 'UG'));
    await expect(page.locator('[data-testid=users-table]').count()).resolves.toBe(0);
  });

  it('explains that a page needs another role', async () => {
    const session = await browse('facility-refused-audit');
    const { page } = session;
    await signIn(session, server.url, demo('facility.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    await page.goto(`${server.url}/audit`);
    const alert = page.locator('[role=alert][data-error-code=ACCESS_ROLE_DENIED]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('auditor');
  });
});

describe('the public page', () => {
  it('shows the region, its population and sources with no sign-in', async () => {
    const session = await browse('public-page');
    const { page } = session;
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/public`);
    await page.getByRole('heading', { level: 1, name: en.public.title }).waitFor();
    const rows = page.locator('[data-testid=public-table] tbody tr');
    await rows.nth(7).waitFor();
    await expect(rows.count()).resolves.toBe(8);
    await page.locator('svg path[data-code]').nth(7).waitFor();
    // The chart's code arrives on demand and draws with the SVG renderer.
    await page.locator('[aria-labelledby=public-chart-heading] .echart svg').waitFor();
    await page.getByRole('heading', { name: en.public.suppressionHeading }).waitFor();
    await page.getByText('World Bank WDI SP.POP.TOTL, 2023').first().waitFor();
    await page.getByRole('link', { name: 'Natural Earth' }).waitFor();
    // Nothing (not even the CSP) complained.
    expect(session.problems).toEqual([]);
  });
});
