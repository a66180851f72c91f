import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_COLOUR, THRESHOLD_COLOUR } from '../../packages/web/src/shared/chart/time-series.ts';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import fr from '../../packages/web/src/shared/i18n/fr.json' with { type: 'json' };
import { browse, demo, signIn, startDashboardServer } from './dashboard-session.ts';

/**
 * The surveillance and events pages on the seeded demo region: an event's
 * 7-1-7 clocks and timeline, its weekly chart with the threshold and alarms
 * drawn (for the party's own staff and the hub, which the signals clause
 * serves; a neighbour is told the pact withholds them), a focal point
 * triaging a signal, refusals in words, and the 7-1-7 summary in French on
 * a phone.
 */
let server: Awaited<ReturnType<typeof startDashboardServer>>;
beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(() => server?.cleanUp());

interface ListedEvent {
  id: string;
  party: string;
  title: string;
  signalId: string | null;
  disease: string | null;
}

/** Reads the API with the browser's own session (no extra sign-in: the node limits them per minute). */
const apiGet = async <T>(page: Page, path: string): Promise<T> => {
  const response = await page.request.get(`${server.url}/api/v1${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
};

const apiPost = async (page: Page, path: string, body: unknown) => {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'concord_csrf')?.value ?? '';
  const response = await page.request.post(`${server.url}/api/v1${path}`, { data: body, headers: { 'x-csrf-token': csrf } });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
};

/** The SVG the chart drew: threshold segments (dashed, in the series, not the legend) and alarm triangles (placed by a matrix, not the legend's translate). */
const drawn = async (page: Page) => {
  const chart = page.locator('[data-testid=series-chart] svg');
  await chart.waitFor();
  return {
    thresholdLines: await chart.locator(`path[stroke="${THRESHOLD_COLOUR}"][stroke-dasharray]:not([transform])`).count(),
    alarmMarks: await chart.locator(`path[fill="${ALARM_COLOUR}"][transform^="matrix"]`).count(),
  };
};

describe('events', () => {
  it('opens an event from the list with its 7-1-7 clocks and timeline, and follows it to its chart', async () => {
    const session = await browse('event-hub');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.events.nav }).click();
    await page.waitForURL(`${server.url}/events`);

    // Open events by default, each with its chips.
    const rows = page.locator('[data-testid=events-table] tbody tr');
    await rows.first().locator('[data-event-status]').waitFor();
    const statuses = await rows.locator('[data-event-status]').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-event-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'verification' || s === 'confirmed')).toBe(true);
    await expect(rows.first().locator('[data-target]').count()).resolves.toBe(3);

    const link = rows.first().locator('a').first();
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The three 7-1-7 intervals, each met, missed or pending; a running one counts down in words.
    const intervals = page.locator('[data-testid^=interval-]');
    await expect(intervals.count()).resolves.toBe(3);
    for (const status of await intervals.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-status')))) {
      expect(['met', 'not-met', 'pending']).toContain(status);
    }
    await expect(page.locator('[data-testid=interval-detection] h3').textContent()).resolves.toBe(en.events.intervalTarget.detection.replace('{{target}}', '7'));
    for (const clock of await page.locator('[data-testid^=clock-]').all()) {
      await expect(clock.textContent()).resolves.toMatch(/^(⚠ )?((\d+ d \d+ h|\d+ h \d+ min) left|target missed (\d+ d \d+ h|\d+ h \d+ min) ago) \(day \d+ of \d\)( · missed from .+)?$/);
    }
    // The timeline starts with the opening, each step in words.
    const steps = page.locator('[data-testid=event-timeline] li');
    await expect(steps.count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(steps.first().getAttribute('data-kind')).resolves.toBe('opened');
    await expect(steps.first().locator('.timeline-kind').textContent()).resolves.toBe(en.events.timelineKind.opened);
    await page.locator('[data-testid=ihr-decisions] [data-criterion]').first().waitFor();

    // Its chart: the pact's signals clause gives the hub the detection threshold as well as the counts.
    await page.getByTestId('event-chart-link').click();
    await page.waitForURL(/\/surveillance\?.*event=/);
    await expect.poll(async () => (await drawn(page)).thresholdLines).toBeGreaterThan(0);
    await expect(page.getByTestId('detection-not-shared').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid=series-chart] [role=img]').getAttribute('aria-label')).resolves.toMatch(/^Weekly cases of /);
    expect(session.problems).toEqual([]);
  });

  it('shows the party’s focal point the same chart with the threshold line and the alarm that opened the event', async () => {
    // The newest open event that came from a signal, found with the hub's session.
    const lookup = await browse('event-lookup');
    await signIn(lookup, server.url, demo('hub'));
    await lookup.page.waitForURL(`${server.url}/region`);
    const { events } = await apiGet<{ events: ListedEvent[] }>(lookup.page, '/events?open=true');
    const event = events.find((e) => e.signalId !== null && e.disease !== null);
    expect(event).toBeDefined();

    const session = await browse('event-chart-focal-point');
    const { page } = session;
    await signIn(session, server.url, demo(`nfp.${event!.party.toLowerCase()}`));
    await page.waitForURL(/\/region\/[A-Z]{2}$/);
    await page.goto(`${server.url}/events/${event!.id}`);
    await page.getByRole('heading', { level: 1, name: event!.title }).waitFor();
    await page.getByTestId('event-chart-link').click();
    await page.waitForURL(new RegExp(`/surveillance\\?party=${event!.party}&disease=${event!.disease}.*event=${event!.id}`));

    const table = page.locator('[data-testid=alarm-table] tbody tr');
    await table.first().waitFor();
    await expect.poll(async () => (await drawn(page)).alarmMarks).toBeGreaterThan(0);
    const marks = await drawn(page);
    expect(marks.thresholdLines).toBeGreaterThan(0);
    // One triangle per alarm week listed beside the chart.
    expect(marks.alarmMarks).toBe(await table.count());
    await expect(page.getByTestId('detection-not-shared').count()).resolves.toBe(0);
    // The signal that opened the event is listed as promoted.
    await expect(table.locator('[data-signal-status=promoted]').count()).resolves.toBeGreaterThan(0);
    expect(session.problems).toEqual([]);
  });
});

describe('signals', () => {
  it('lets a focal point dismiss a new signal with a note, and says so when a colleague got there first', async () => {
    const session = await browse('signal-dismiss');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ke'));
    await page.waitForURL(`${server.url}/region/KE`);

    // A reporting error: last week's malaria in Nairobi typed as 60 000 cases raises a signal there and one nationally.
    const today = new Date();
    const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) - 7);
    const day = (offset: number) => new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);
    const reported = await apiPost(page, '/surveillance/aggregates', {
      counts: [{ party: 'KE', area: 'KE-30', disease: 'malaria', periodStart: day(0), periodEnd: day(6), count: 60_000 }],
    });
    expect(reported).toMatchObject({ status: 200, body: { signalsRaised: 2 } });
    const raised = (await apiGet<{ signals: { id: string; area: string; week: string }[] }>(page, `/surveillance/signals?party=KE&disease=malaria&status=new&from=${day(0)}`)).signals;
    const nairobi = raised.find((s) => s.area === 'KE-30')!;
    const whole = raised.find((s) => s.area === 'all')!;
    expect(nairobi && whole).toBeTruthy();

    await page.getByRole('navigation', { name: en.layout.navigation }).getByRole('link', { name: en.surveillance.navSignals }).click();
    await page.waitForURL(`${server.url}/surveillance/signals`);
    const rowOf = (area: string) =>
      page.locator('[data-testid=signals-table] tbody tr').filter({ hasText: nairobi.week }).filter({ hasText: 'Malaria' }).filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${area}$`) }) });
    await rowOf('KE-30').waitFor();
    await expect(rowOf('KE-30').locator('[data-signal-status]').getAttribute('data-signal-status')).resolves.toBe('new');

    await rowOf('KE-30').locator('details[data-action=dismiss] > summary').click();
    await rowOf('KE-30').getByLabel(en.surveillance.dismissNote).fill('Data-entry error: 600 typed as 60 000; the district corrects the count.');
    await rowOf('KE-30').getByRole('button', { name: en.surveillance.dismissSubmit }).click();
    const done = en.surveillance.dismissed.replace('{{what}}', `Malaria, KE-30, ${nairobi.week}`);
    await page.getByRole('status').filter({ hasText: done }).waitFor();
    // Gone from the new signals, kept with its note among the dismissed ones.
    await expect.poll(() => rowOf('KE-30').count()).toBe(0);
    await page.getByLabel(en.surveillance.status).selectOption('dismissed');
    await expect.poll(() => rowOf('KE-30').locator('[data-signal-status=dismissed]').count()).toBe(1);
    await expect(rowOf('KE-30').textContent()).resolves.toContain('Data-entry error: 600 typed as 60 000');

    // The national signal, dismissed by a colleague while this page still offers it: refused in words.
    await page.getByLabel(en.surveillance.status).selectOption('new');
    const national = rowOf('KE');
    await national.locator('details[data-action=dismiss]').waitFor();
    expect((await apiPost(page, `/surveillance/signals/${whole.id}/dismiss`, { note: 'The same data-entry error, seen nationally.' })).status).toBe(200);
    await national.locator('details[data-action=dismiss] > summary').click();
    await national.getByLabel(en.surveillance.dismissNote).fill('Data-entry error.');
    await national.getByRole('button', { name: en.surveillance.dismissSubmit }).click();
    const refusal = national.locator('[role=alert][data-error-code=SURV_SIGNAL_ALREADY_TRIAGED]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(en.errors.SURV_SIGNAL_ALREADY_TRIAGED.replace('{{status}}', en.terms.dismissed));
    expect(session.problems).toEqual([]);
  });

  it('tells a neighbour in words that no clause shares Kenya’s detection results, and draws none', async () => {
    const session = await browse('detection-refused-neighbour');
    const { page } = session;
    await signIn(session, server.url, demo('nfp.ug'));
    await page.waitForURL(`${server.url}/region/UG`);
    await page.goto(`${server.url}/surveillance?party=KE&disease=cholera`);
    const notice = page.getByTestId('detection-not-shared');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/^The pact in force does not share the detection results of .*Kenya/);
    // The counts the aggregates clause shares are drawn; no threshold, no alarm.
    await expect(drawn(page)).resolves.toEqual({ thresholdLines: 0, alarmMarks: 0 });
    await expect(page.locator('[data-testid=series-chart] [role=img]').getAttribute('aria-label')).resolves.toMatch(/^Weekly cases of /);
    expect(session.problems).toEqual([]);
  });

  it('lists the region’s signals for the hub under its clause, with no triage control', async () => {
    const session = await browse('signals-hub');
    const { page } = session;
    await signIn(session, server.url, demo('hub'));
    await page.waitForURL(`${server.url}/region`);
    await page.goto(`${server.url}/surveillance/signals?status=all`);
    await page.locator('[data-testid=signals-table] tbody tr').first().waitFor();
    await expect(page.locator('[data-testid=refusals] [role=alert]').count()).resolves.toBe(0);
    await expect(page.locator('details[data-action=dismiss]').count()).resolves.toBe(0);
    expect(session.problems).toEqual([]);
  });
});

describe('refusals', () => {
  it('shows facility staff that another country’s event is out of their reach, in words', async () => {
    // An event of another party that the escalation clause never told Kenya about, found with the hub's session.
    const lookup = await browse('event-refused-lookup');
    await signIn(lookup, server.url, demo('hub'));
    await lookup.page.waitForURL(`${server.url}/region`);
    const seenByHub = (await apiGet<{ events: ListedEvent[] }>(lookup.page, '/events?limit=500')).events;

    const session = await browse('event-refused-facility');
    const { page } = session;
    await signIn(session, server.url, demo('facility.ke'));
    await page.waitForURL(`${server.url}/region/KE`);
    // Kenya's own page lists its open events for its own staff.
    await page.getByTestId('country-events').waitFor();
    const seenByKenya = (await apiGet<{ events: ListedEvent[] }>(page, '/events?limit=500')).events;
    const hidden = seenByHub.find((e) => e.party !== 'KE' && !seenByKenya.some((k) => k.id === e.id));
    expect(hidden).toBeDefined();

    await page.goto(`${server.url}/events/${hidden!.id}`);
    const refusal = page.locator('[role=alert][data-error-code=EVENT_NOT_FOUND]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(en.errors.EVENT_NOT_FOUND);
    await page.getByRole('heading', { level: 1, name: en.events.unknownTitle }).waitFor();
    // Facility staff triage nothing: no dismiss control, even on their own party's signals.
    await page.goto(`${server.url}/surveillance/signals?status=all`);
    await page.locator('[data-testid=signals-table] tbody tr').first().waitFor();
    await expect(page.locator('details[data-action=dismiss]').count()).resolves.toBe(0);
    expect(session.problems).toEqual([]);
  });
});

describe('the 7-1-7 summary', () => {
  it('reads in French on a phone: a row per partner state and the region, without sideways scrolling', async () => {
    // Burundi's focal point has a French account: the dashboard speaks French once signed in.
    const session = await browse('seven-one-seven-french-phone', { viewport: { width: 390, height: 844 } });
    const { page } = session;
    await signIn(session, server.url, demo('nfp.bi'));
    await page.waitForURL(`${server.url}/region/BI`);
    await page.goto(`${server.url}/events/seven-one-seven`);
    await page.getByRole('heading', { level: 1, name: fr.events.summaryTitle }).waitFor();
    const rows = page.locator('[data-testid=seven-one-seven-table] tbody tr');
    await rows.nth(8).waitFor();
    await expect(rows.count()).resolves.toBe(9);
    await expect(rows.last().locator('td').first().textContent()).resolves.toBe(fr.events.region);
    // Shares are percentages in French ("77 %"), or a dash while nothing is settled.
    const shares = await page.locator('[data-testid=seven-one-seven-table] [data-share]').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
    expect(shares.length).toBe(36);
    for (const share of shares) expect(share).toMatch(/^(\d{1,3}\s%|—)$/);
    await page.locator('.echart svg').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(session.problems).toEqual([]);
  });
});
