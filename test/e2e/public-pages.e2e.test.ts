import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import fr from '../../packages/web/src/shared/i18n/fr.json' with { type: 'json' };
import { browse, startDashboardServer } from './dashboard-session.ts';

/**
 * The public page with no sign-in: stock levels, weekly cases and 7-1-7
 * response times as the pact lets each party publish them, hidden cells
 * marked, and the parties the pact withholds listed with its reasons.
 */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

const api = async <T,>(path: string): Promise<T> => (await fetch(`${server.url}/api/v1${path}`)).json() as Promise<T>;

describe('the public page without sign-in', () => {
  it('shows stock levels by product and party, and names the hub’s stockpile as withheld with the pact’s reason', async () => {
    const session = await browse('public-stock');
    const { page } = session;
    await page.goto(`${server.url}/public`);
    await page.getByRole('heading', { level: 1, name: en.public.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: en.public.stock.heading }).waitFor();
    const table = page.locator('[data-testid=public-stock]');
    await table.locator('tbody tr').first().waitFor();

    const published = await api<{ levels: { party: string; product: string; suppressed: boolean }[]; withheld: { party: string }[] }>('/public/stock-levels');
    const parties = [...new Set(published.levels.map((l) => l.party))];
    expect(parties).toHaveLength(8);
    expect(await table.locator('thead th').count()).toBe(1 + parties.length);
    expect(await table.locator('tbody tr').count()).toBe(new Set(published.levels.map((l) => l.product)).size);
    expect(await table.locator('[data-suppressed=true]').count()).toBe(published.levels.filter((l) => l.suppressed).length);

    const withheld = page.locator('[data-testid=public-stock-withheld] li[data-party]');
    expect(await withheld.evaluateAll((items) => items.map((li) => li.getAttribute('data-party')))).toEqual(published.withheld.map((w) => w.party));
    await expect(withheld.first().locator('[data-reason-code=PACT_PARTY_NOT_COVERED] .reason-sentence').textContent()).resolves.toBe(`${en.errors.PACT_PARTY_NOT_COVERED} `);
    expect(session.problems).toEqual([]);
  });

  it('shows weekly cases per party with small counts marked as hidden, never a number, and the chart of the year', async () => {
    const session = await browse('public-cases');
    const { page } = session;
    await page.goto(`${server.url}/public`);
    const section = page.locator('[data-testid=public-cases-section]');
    const table = section.locator('[data-testid=public-cases]');
    await table.locator('tbody tr').first().waitFor();
    await section.locator('.echart svg').waitFor();
    await expect(section.getByLabel(en.public.cases.disease).inputValue()).resolves.toBe('cholera');

    const published = await api<{ suppression: Record<string, number>; cells: { party: string; disease: string; weekStart: string; count: number | null; suppressed: boolean }[] }>('/public/cases');
    const cholera = published.cells.filter((c) => c.disease === 'cholera');
    const lastWeeks = [...new Set(cholera.map((c) => c.weekStart))].sort().slice(-8);
    const shown = cholera.filter((c) => lastWeeks.includes(c.weekStart));
    expect(await table.locator('thead th').count()).toBe(1 + 8);
    expect(await table.locator('tbody tr').count()).toBe(new Set(shown.map((c) => c.party)).size);
    // Every hidden cell of the answer is a dash with its reason, and there are some in the demo.
    const hidden = table.locator('[data-suppressed=true]');
    expect(shown.filter((c) => c.suppressed).length).toBeGreaterThan(0);
    expect(await hidden.count()).toBe(shown.filter((c) => c.suppressed).length);
    for (const text of await hidden.allTextContents()) expect(text).toBe(`—${en.public.hiddenBelow.replace('{{k}}', '5')}`);
    // Published counts are the node's numbers, zeros included.
    const visible = (await table.locator('[data-suppressed=false]').allTextContents()).map((text) => Number(text.replace(/,/g, '')));
    expect(visible.sort((a, b) => a - b)).toEqual(shown.filter((c) => !c.suppressed).map((c) => c.count!).sort((a, b) => a - b));
    expect(published.suppression).toMatchObject({ KE: 5, UG: 5 });

    await section.getByLabel(en.public.cases.disease).selectOption('measles');
    await expect.poll(() => table.locator('caption').textContent()).toContain('Measles');
    expect(session.problems).toEqual([]);
  });

  it('shows the 7-1-7 shares per party, withholding those that rest on too few outbreaks, and explains each table’s rule', async () => {
    const session = await browse('public-response-times');
    const { page } = session;
    await page.goto(`${server.url}/public`);
    const table = page.locator('[data-testid=public-times]');
    await table.locator('tbody tr').nth(7).waitFor();

    const published = await api<{ parties: { party: string; suppressed: boolean; all: { share: number | null; suppressed: boolean } }[] }>('/public/response-times');
    expect(published.parties).toHaveLength(8);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.querySelector('[data-suppressed]')?.getAttribute('data-suppressed') ?? null)),
    );
    // Rows follow the answer's order: the events column and the four targets are hidden exactly where the node hid them.
    rows.forEach((cells, index) => {
      const party = published.parties[index]!;
      expect(cells[1]).toBe(String(party.suppressed));
      expect(cells[5]).toBe(String(party.all.suppressed));
    });
    expect(published.parties.some((p) => p.suppressed)).toBe(true);
    await expect(table.locator('tbody tr [data-suppressed=true] .visually-hidden').first().textContent()).resolves.toBe(en.public.times.fewEvents.replace('{{k}}', '3'));
    await page.locator('[data-testid=public-times-section] .echart svg').waitFor();

    const rules = page.locator('[data-testid=suppression-rules] li');
    expect(await rules.allTextContents()).toEqual([en.public.suppressionStock, en.public.suppressionCases, en.public.suppressionTimes, en.public.suppressionWithheld]);
    expect(session.problems).toEqual([]);
  });

  it('fits a phone without scrolling sideways', async () => {
    const session = await browse('public-pages-phone', { viewport: { width: 390, height: 844 } });
    const { page } = session;
    await page.goto(`${server.url}/public`);
    await page.locator('[data-testid=public-cases] tbody tr').first().waitFor();
    await page.locator('[data-testid=public-times] tbody tr').first().waitFor();
    await page.locator('[data-testid=public-stock] tbody tr').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    expect(session.problems).toEqual([]);
  });

  it('speaks French to a French browser, hidden cells included', async () => {
    const session = await browse('public-pages-fr', { locale: 'fr-FR' });
    const { page } = session;
    await page.goto(`${server.url}/public`);
    await page.getByRole('heading', { level: 2, name: fr.public.cases.heading }).waitFor();
    await page.getByRole('heading', { level: 2, name: fr.public.times.heading }).waitFor();
    const hidden = page.locator('[data-testid=public-cases] [data-suppressed=true] .visually-hidden').first();
    await hidden.waitFor({ state: 'attached' });
    await expect(hidden.textContent()).resolves.toBe(fr.public.hiddenBelow.replace('{{k}}', '5'));
    expect(session.problems).toEqual([]);
  });
});
