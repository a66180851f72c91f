import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import fr from '../../packages/web/src/shared/i18n/fr.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/** The region map, a country page, keyboard use, French and a phone-sized screen. */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

const PARTNER_STATES = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];

describe('the region map', () => {
  it('draws every partner state, and clicking Kenya opens its page with its 47 areas', async () => {
    const session = await browse('region-map-kenya');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    const states = page.locator('svg path[data-code]');
    await states.nth(PARTNER_STATES.length - 1).waitFor();
    const codes = await states.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(codes.sort()).toEqual(PARTNER_STATES);
    // Each one is really drawn: a non-empty outline with a visible size.
    for (const code of PARTNER_STATES) {
      const box = await page.locator(`svg path[data-code=${code}]`).boundingBox();
      expect({ code, drawn: (box?.width ?? 0) * (box?.height ?? 0) > 0 }).toEqual({ code, drawn: true });
    }
    // Neighbours are drawn as grey context without a code.
    await expect(page.locator('svg path.map-context').count()).resolves.toBeGreaterThan(0);

    await page.locator('svg path[data-code=KE]').click();
    await page.waitForURL(`${server.url}/region/KE`);
    await page.getByRole('heading', { level: 1, name: 'Kenya' }).waitFor();
    const areas = page.locator('[data-testid=areas-table] tbody tr');
    await areas.first().waitFor();
    await expect(areas.count()).resolves.toBe(47);
    expect(session.problems).toEqual([]);
  });

  it('recolours the map when another indicator is chosen', async () => {
    const session = await browse('region-map-indicator');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.locator('svg path[data-code=CD]').waitFor();
    const fill = () => page.locator('svg path[data-code=CD]').getAttribute('fill');
    const byDensity = await fill();
    await page.getByLabel(en.region.indicator).selectOption('population');
    await page.waitForURL(/indicator=population/);
    // DR Congo has the most people but few per km²: its colour must change.
    await expect.poll(fill).not.toBe(byDensity);
  });

  it('opens a country from the keyboard', async () => {
    const session = await browse('region-map-keyboard');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    const rwanda = page.locator('svg path[data-code=RW]');
    await rwanda.waitFor();
    await expect(rwanda.getAttribute('aria-label')).resolves.toMatch(/^Rwanda: /);
    await rwanda.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/region/RW`);
  });
});

describe('languages', () => {
  it('switches the interface to French, and keeps it after a reload', async () => {
    const session = await browse('french');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByLabel(en.layout.language).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: fr.region.title }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await page.getByRole('navigation', { name: fr.layout.navigation }).getByRole('link', { name: fr.nav.region }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: fr.region.title }).waitFor();
  });

  it('speaks French to an account whose locale is French', async () => {
    const session = await browse('french-account');
    await signIn(session, server.url, demo('nfp.bi'));
    await session.page.waitForURL(`${server.url}/region/BI`);
    await session.page.getByRole('link', { name: fr.country.backToRegion }).waitFor();
    await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('fr');
  });
});

describe('on a phone', () => {
  it('folds the navigation behind a menu button and still draws the map', async () => {
    const session = await browse('phone', { viewport: { width: 390, height: 844 } });
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.locator('svg path[data-code=KE]').waitFor();
    const menu = page.getByRole('button', { name: en.layout.menu });
    const usersLink = page.getByRole('link', { name: en.nav.users });
    await expect(usersLink.isVisible()).resolves.toBe(false);
    await menu.click();
    await usersLink.waitFor({ state: 'visible' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    // The page does not scroll sideways.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
