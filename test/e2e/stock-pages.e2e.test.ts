import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/**
 * The stock pages on the seeded demo region: months of stock for every
 * party, a sharing request's decision clock, a refused action in words,
 * cold-chain alarms with a recorder's chart and its safe band, and a
 * quarantine decided with the vial-monitor form.
 */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

const PARTIES = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];
const BANDS = ['under', 'ok', 'over', 'unknown'];

/** A temperature as the chart's labels write it: +8 °C, −60 °C. */
const signed = (celsius: number) => `${celsius > 0 ? '+' : celsius < 0 ? '−' : ''}${Math.abs(celsius)} °C`;

describe('months of stock', () => {
  it('shows every party’s months of stock for every product, each in its band, from the navigation', async () => {
    const session = await browse('stock-months');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.nav.stock, exact: true }).click();
    await page.waitForURL(`${server.url}/stock`);
    await page.getByRole('heading', { level: 1, name: en.stock.levels.title }).waitFor();

    const table = page.locator('[data-testid=months-of-stock]');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.replace(/[↕▲▼]/g, '').trim());
    expect(headers).toEqual([en.stock.product, ...PARTIES]);
    // The demo catalogue's fourteen products consumed by the parties (the Ebola vaccine stays at the hub).
    expect(await rows.count()).toBe(14);
    for (let i = 0; i < 14; i += 1) {
      const badges = rows.nth(i).locator('[data-band]');
      expect(await badges.count()).toBe(PARTIES.length);
      for (const band of await badges.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-band')))) expect(BANDS).toContain(band);
    }
    // Every party's column carries numbers, not only "no use recorded".
    for (let column = 0; column < PARTIES.length; column += 1) {
      const months = await rows.evaluateAll((trs, c) => trs.map((tr) => tr.querySelectorAll('td')[c + 1]?.querySelector('[data-months]')?.getAttribute('data-months')), column);
      expect(months.filter((m) => m !== null && m !== undefined && Number(m) > 0).length).toBeGreaterThan(0);
    }
    // The legend states the thresholds and where they come from.
    await expect(page.locator('[data-testid=band-legend]').textContent()).resolves.toContain(en.stock.bandRule.ok.replace('{{min}}', '6').replace('{{max}}', '9'));
    await expect(page.locator('[data-testid=band-legend]').textContent()).resolves.toContain('The Logistics Handbook');

    // A party's page drills down to its stores.
    await page.locator('[data-testid=party-links] a').first().click();
    await page.waitForURL(`${server.url}/stock/parties/BI`);
    await page.locator('[data-testid=store-stock] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=party-stock] tbody tr').count()).toBe(14);
    expect(session.problems).toEqual([]);
  });
});

describe('on a phone', () => {
  it('keeps the stock pages within the screen: wide tables scroll inside their own box', async () => {
    const session = await browse('stock-phone', { viewport: { width: 390, height: 844 } });
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    for (const path of ['/stock', '/stock/expiring', '/stock/cold-chain', '/stock/requests']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('table tbody tr').first().waitFor();
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    expect(session.problems).toEqual([]);
  });
});

describe('sharing requests', () => {
  it('shows each pending request’s decision clock, running or overdue, and the clock on the request’s page', async () => {
    const session = await browse('stock-request-clock');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}/stock/requests`);
    const rows = page.locator('[data-testid=requests] tbody tr');
    await rows.first().waitFor();
    // The demo has one request inside its 48-hour clock and one past it.
    const running = rows.filter({ has: page.locator('[data-clock-state=open]') });
    const overdue = rows.filter({ has: page.locator('[data-clock-state=overdue]') });
    expect(await running.count()).toBe(1);
    expect(await overdue.count()).toBe(1);
    await expect(overdue.locator('.clock').textContent()).resolves.toMatch(/^⚠ overdue by \d+ h \d+ min$/);

    await running.locator('a').first().click();
    await page.waitForURL(/\/stock\/requests\/[0-9a-f-]{36}$/);
    const clock = page.locator('[data-testid=decision-clock] .clock');
    await clock.waitFor();
    await expect(clock.getAttribute('data-clock-state')).resolves.toBe('open');
    const [, hours] = /^(\d+) h (\d+) min left to decide$/.exec((await clock.textContent()) ?? '') ?? [];
    expect(Number(hours)).toBeLessThanOrEqual(48);
    // The hub coordinator is the clause's decider: the decision form is open on the page.
    await page.getByRole('form', { name: en.stock.request.decide }).waitFor();
    expect(session.problems).toEqual([]);
  });

  it('shows a refused shipment as its sentence and leaves the request as it was', async () => {
    const session = await browse('stock-request-refused');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}/stock/requests`);
    const approved = page.locator('[data-testid=requests] tbody tr', { has: page.locator('[data-status=approved]') }).first();
    await approved.waitFor();
    await approved.locator('a').first().click();
    await page.waitForURL(/\/stock\/requests\/[0-9a-f-]{36}$/);
    // The request's own heading names its route once it has loaded.
    await page.getByRole('heading', { level: 1, name: /→/ }).waitFor();

    // The hub's coordinator may record stock, but only at the hub's own store: another country's shipment is refused.
    await page.locator('[data-action=ship] > summary').click();
    await page.getByRole('form', { name: en.stock.request.ship }).getByRole('button', { name: en.stock.request.ship }).click();
    const alert = page.locator('[role=alert][data-error-code=ACCESS_OUT_OF_SCOPE]');
    await alert.waitFor();
    const sentence = (await alert.textContent()) ?? '';
    expect(sentence).toMatch(new RegExp(`^${en.errors.ACCESS_OUT_OF_SCOPE.replace('{{jurisdiction}}', '[A-Z]{2}').replace(/[.:]/g, '\\$&')}$`));
    await page.reload();
    await expect(page.locator('[data-testid=request-facts] [data-status]').getAttribute('data-status')).resolves.toBe('approved');
    expect(session.problems).toEqual([]);
  });
});

describe('cold chain', () => {
  it('lists alarms with their excursions and draws a recorder’s temperatures against its safe band', async () => {
    const session = await browse('stock-cold-chain');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}/stock/cold-chain`);
    const rows = page.locator('[data-testid=excursions] tbody tr');
    await rows.first().locator('[data-excursion]').waitFor();
    for (const type of await rows.locator('[data-excursion]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-excursion')))) {
      expect(['heat', 'freeze']).toContain(type);
    }
    await expect(rows.first().textContent()).resolves.toMatch(/\d+ h \d+ min/);

    await rows.first().locator('a').first().click();
    await page.waitForURL(/\/stock\/cold-chain\/devices\//);
    const chart = page.locator('[data-testid=temperature-chart]');
    await chart.locator('svg').waitFor();
    const minC = Number(await chart.getAttribute('data-min-c'));
    const maxC = Number(await chart.getAttribute('data-max-c'));
    // The band: a shaded area between two dashed lines labelled with the bounds.
    await expect.poll(() => chart.locator('svg text').allTextContents()).toEqual(expect.arrayContaining([signed(minC), signed(maxC)]));
    const band = await chart.locator('svg path').evaluateAll((paths) =>
      paths.filter((p) => p.getAttribute('fill') === 'rgb(29,94,43)' && Number(p.getAttribute('fill-opacity')) > 0).length,
    );
    expect(band).toBe(1);
    const dashed = await chart.locator('svg path[stroke-dasharray]').count();
    expect(dashed).toBeGreaterThanOrEqual(2);
    // The recorder's own excursions are listed under the chart, the alarm that led here among them.
    await page.locator('[data-testid=device-excursions] tbody tr [data-excursion]').first().waitFor();
    expect(session.problems).toEqual([]);
  });

  it('lets a store’s staff record a vial-monitor decision on a quarantined lot', async () => {
    const hub = await browse('stock-quarantine-hub');
    await signIn(hub, server.url, demo('hub'));
    await hub.page.waitForURL(`${server.url}/region`);
    await hub.page.goto(`${server.url}/stock/cold-chain`);
    const firstStore = hub.page.locator('[data-testid=quarantines] tbody tr td').first();
    await firstStore.waitFor();
    const party = ((await firstStore.textContent()) ?? '').split('-')[0]!.toLowerCase();

    const session = await browse('stock-quarantine-decided');
    const { page } = session;
    await signIn(session, server.url, demo(`facility.${party}`));
    await page.waitForURL(`${server.url}/region/${party.toUpperCase()}`);
    await page.goto(`${server.url}/stock/cold-chain`);
    const rows = page.locator('[data-testid=quarantines] tbody tr');
    await rows.first().locator('details').waitFor();
    const before = await rows.count();
    const row = rows.first();
    await row.locator('details > summary').click();
    const form = row.getByRole('form', { name: en.stock.quarantine.decide });
    const vvm = form.getByLabel(en.stock.quarantine.vvm);
    if (await vvm.count()) await vvm.selectOption('stage-2');
    else {
      await form.getByLabel(en.stock.quarantine.action).selectOption('use');
      await form.getByLabel(en.stock.quarantine.reason, { exact: true }).fill('Inspected: no damage (synthetic)');
    }
    await form.getByRole('button', { name: en.stock.quarantine.decide }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    expect(session.problems).toEqual([]);
  });
});
