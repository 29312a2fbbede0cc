import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mailboxDeps, type RunningServer, startServer } from '@firmly/api';
import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSettings, testKeys } from '../support/mail-harness';
import { OWNER, seedConsoleWorkspace } from './seed';

/**
 * The operator's page in a real browser (Debian's Chromium, driven by playwright-core) against
 * a real API server and database: sign in, review drafts, read a client, start ending the relationship,
 * download its dossier, see the mailboxes.
 * Screenshots of every page at desktop and phone widths land in docs/screenshots/.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'services/web');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const WIDTHS = [
  { name: '1280', width: 1280, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

const t = useTestDatabase();
const log = createLogger('browser-test', 'silent');
let queues: QueueBackend;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seeded: Awaited<ReturnType<typeof seedConsoleWorkspace>>;
const consoleErrors: string[] = [];

const suite = hasChromium ? describe : describe.skip;
const title = hasChromium ? 'the operator console in Chromium' : `the operator console in Chromium — skipped: ${CHROMIUM} is not installed`;

suite(title, () => {
  beforeAll(async () => {
    // The page as the API serves it in production: built by Vite into services/web/dist.
    await build({ root: WEB, logLevel: 'warn' });
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    const publicUrl = 'http://127.0.0.1:3000';
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      logger: log,
      readiness: [],
      mailboxes: mailboxDeps({
        db: t.db,
        queues,
        config: { ...sandboxSettings({ publicUrl }), FIRMLY_ENCRYPTION_KEY: testKeys },
        publicUrl,
      }),
    });
    seeded = await seedConsoleWorkspace(t.db, new Date());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({ viewport: WIDTHS[0], locale: 'en-GB', timezoneId: 'Europe/London' });
    page = await context.newPage();
    // Well inside the test's own timeout, so a failure names the element that never came.
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await queues?.close();
  });

  /** The current page at both widths, saved as docs/screenshots/<name>-<width>.png. */
  async function screenshots(name: string, ready?: () => Promise<void>) {
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      if (ready) await ready();
      // Usable at this width: nothing sticks out sideways (the page never scrolls horizontally). Polled: charts
      // follow a new width on their next animation frame.
      const overflowing = () =>
        page.evaluate(`[...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(element.getBoundingClientRect().right))
          .slice(0, 5)`);
      await expect.poll(overflowing, { message: `${name} at ${size.width} px`, timeout: 5_000 }).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: true });
    }
    await page.setViewportSize(WIDTHS[0]);
  }

  async function stateOf(id: string) {
    const [row] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, id));
    return row;
  }

  it('signs in with the workspace, email and password', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to firmly' }).isVisible()).toBe(true);
    await screenshots('sign-in');
    await page.getByLabel('Workspace').fill(OWNER.workspace);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Review queue/ }).waitFor();
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['firmly_csrf', 'firmly_session']);
  });

  it('shows the drafts oldest first, with client, kind, cause and age, and the oldest one opened', async () => {
    const items = page.locator('.queue-item');
    await expect.poll(() => items.count()).toBe(4);
    const first = items.first();
    expect(await first.textContent()).toContain('Bakery & Sons');
    expect(await first.textContent()).toContain('Payment reminder');
    expect(await first.textContent()).toMatch(/INV-2026-003/);
    expect(await first.textContent()).toMatch(/2 d|50 h/);
    const [oldest] = seeded.drafts;
    if (!oldest) throw new Error('no draft');
    await page.getByRole('heading', { name: oldest.subject }).waitFor();
    await page.getByRole('heading', { name: 'What happens on approve' }).waitFor();
    // The rendered HTML, in a sandboxed frame served by the API.
    const frame = page.frameLocator('iframe.preview');
    await frame.getByText('was due nine days ago').waitFor();
    expect(await page.locator('iframe.preview').getAttribute('sandbox')).toBe('');
    await page.locator('.text-part').getByText('Best regards').waitFor();
    await screenshots('review-queue');
    // At phone width the queue and an opened draft are separate views; a draft's own path opens it.
    await page.goto(`${server.url}/review/${oldest.id}`);
    await screenshots('review-draft', () => frame.getByText('was due nine days ago').waitFor());
  });

  it('approves a draft with the a key: it leaves the queue and is approved in the database', async () => {
    await page.goto(`${server.url}/`);
    const [oldest] = seeded.drafts;
    if (!oldest) throw new Error('no draft');
    await page.getByRole('heading', { name: oldest.subject }).waitFor();
    await page.locator('.queue-item').first().focus();
    await page.keyboard.press('a');
    await page
      .getByRole('status')
      .getByText(/Approved/)
      .waitFor();
    await expect.poll(() => page.locator('.queue-item').count()).toBe(3);
    expect(await page.locator('.queue-list').textContent()).not.toContain(oldest.subject);
    expect((await stateOf(oldest.id))?.state).toBe('approved');
  });

  it('shows the shortcuts on ? and closes them with Escape', async () => {
    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Approve');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('rejects another draft with a reason', async () => {
    const [, nudge] = seeded.drafts;
    if (!nudge) throw new Error('no draft');
    await page.locator('.queue-item', { hasText: 'Nudge' }).click();
    await page.getByRole('heading', { name: nudge.subject }).waitFor();
    await page.getByRole('button', { name: /Reject/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this draft' });
    await dialog.getByLabel(/Why\?/).fill('They answered on the phone.');
    await screenshots('review-reject');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.queue-item').count()).toBe(2);
    const row = await stateOf(nudge.id);
    expect(row?.state).toBe('rejected');
    expect(JSON.stringify(row)).toContain('They answered on the phone.');
    // The one left is opened in its place.
    await page.getByRole('heading', { name: seeded.drafts[2]?.subject ?? '' }).waitFor();
  });

  it('reaches every control of the review page by Tab, with a visible focus', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'What happens on approve' }).waitFor();
    const reached = new Set<string>();
    for (let step = 0; step < 30; step += 1) {
      await page.keyboard.press('Tab');
      // A script string: this package compiles without the DOM library.
      const focused = (await page.evaluate(`(() => {
        const element = document.activeElement;
        // Focus inside the sandboxed preview belongs to the frame's document, not to a control of the page.
        if (!element || element === document.body || element.tagName === 'IFRAME') return null;
        return { label: (element.textContent || '').trim().split(/\\s+/)[0] || '', outline: getComputedStyle(element).outlineStyle !== 'none' };
      })()`)) as { label: string; outline: boolean } | null;
      if (!focused) continue;
      expect(focused.outline, `focus on ${focused.label} is visible`).toBe(true);
      reached.add(focused.label);
    }
    for (const control of ['Approve', 'Edit', 'Reject', 'Snooze']) expect(reached).toContain(control);
  });

  it('edits the subject and text of a draft with the e key, and the preview shows the new text', async () => {
    const reset = seeded.drafts[2];
    if (!reset) throw new Error('no draft');
    await page.goto(`${server.url}/review/${reset.id}`);
    await page.getByRole('heading', { name: reset.subject }).waitFor();
    await page.locator('body').press('e');
    const subject = page.getByLabel('Subject');
    // The form takes the focus: the operator types straight away.
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('edit-subject');
    await subject.fill('Re: Spring campaign — one weekly approval');
    await page.getByLabel('Text').fill('Hello, from next week we send you the whole content calendar once a week, on Mondays.');
    await screenshots('review-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved your changes/)
      .waitFor();
    await page.getByRole('heading', { name: 'Re: Spring campaign — one weekly approval' }).waitFor();
    await page.frameLocator('iframe.preview').getByText('on Mondays').waitFor();
    const row = await stateOf(reset.id);
    expect(row).toMatchObject({ state: 'pending_review', subject: 'Re: Spring campaign — one weekly approval' });
    expect(row?.text).toContain('on Mondays');
  });

  it('snoozes a draft until a chosen time: it leaves the queue until then', async () => {
    const reset = seeded.drafts[2];
    if (!reset) throw new Error('no draft');
    await page.locator('body').press('s');
    const dialog = page.getByRole('dialog', { name: 'Snooze this draft' });
    await dialog.getByLabel('For an hour').check();
    await dialog.getByRole('button', { name: 'Snooze' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.queue-item').count()).toBe(1);
    const row = await stateOf(reset.id);
    expect(row?.state).toBe('pending_review');
    expect(row?.snoozedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('refreshes by itself when another operator acts (the live event stream)', async () => {
    const last = seeded.drafts[3];
    if (!last) throw new Error('no draft');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: last.subject }).waitFor();
    // Someone else approves it, through the API: this page learns it from GET /v1/events.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'firmly_csrf')?.value ?? '';
    const answer = await page.request.post(`${server.url}/v1/review-queue/${last.id}/approve`, { headers: { 'x-csrf-token': csrf } });
    expect(answer.status()).toBe(200);
    await page.getByText('Nothing waits for review').waitFor();
    expect(await page.locator('.queue-item').count()).toBe(0);
    await screenshots('review-empty');
  });

  it('lists the clients and opens one: health with evidence, three charts, asks, invoices, timeline', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    const link = page.getByRole('link', { name: 'Bakery & Sons' });
    await link.waitFor();
    await screenshots('clients');
    await link.click();
    await page.getByRole('heading', { name: /Bakery & Sons/ }).waitFor();
    await page.getByRole('heading', { name: 'Responsiveness' }).waitFor();
    await page.getByRole('heading', { name: 'Control score' }).waitFor();
    await page.getByRole('heading', { name: 'Payment behaviour' }).waitFor();
    await expect.poll(() => page.locator('figure.chart canvas').count()).toBe(3);
    await page.getByText('Please confirm the final logo by Friday.').first().waitFor();
    await page.getByRole('rowheader', { name: 'INV-2026-003' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(0);
    await screenshots('client', async () => {
      await expect.poll(() => page.locator('figure.chart canvas').count()).toBe(3);
    });
  });

  it('starts ending the relationship from the client page: in progress, the handover held, the client offboarding', async () => {
    await page.goto(`${server.url}/clients/${seeded.clientId}`);
    const section = page.getByRole('region', { name: 'End the relationship' });
    await section.getByText('End the relationship…').click();
    const form = section.getByRole('form', { name: 'Start offboarding' });
    await form.getByText('firmly only recommends; you decide.').waitFor();
    const start = form.getByRole('button', { name: 'Start offboarding' });
    // Nothing chosen yet: there is nothing to start.
    expect(await start.isDisabled()).toBe(true);
    await form.getByLabel(/INV-2026-003 became overdue/).check();
    await form.getByLabel('Last working day').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await screenshots('client-offboarding-start', () => form.getByLabel(/INV-2026-003 became overdue/).waitFor());
    await start.click();

    await section.getByRole('heading', { name: 'Letters' }).waitFor();
    await section.getByText('Held until the overdue invoices are paid: INV-2026-003').waitFor();
    await section.getByText(/Bakery & Sons \(Facebook page\)/).waitFor();
    expect(await section.getByRole('listitem').filter({ hasText: 'INV-2026-003 became overdue' }).count()).toBe(1);
    expect(await section.getByText('5 per-item approval demands in 28 days').count()).toBe(0);
    // The letters are not sent (no worker drafts them here): it cannot be completed yet.
    expect(await section.getByRole('button', { name: 'Mark complete' }).isDisabled()).toBe(true);
    await page.locator('h1 .badge', { hasText: 'offboarding' }).waitFor();
    await screenshots('client-offboarding', () => section.getByRole('heading', { name: 'Letters' }).waitFor());

    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, seeded.clientId));
    expect(client?.status).toBe('offboarding');
    const [offboarding] = await t.db.select().from(schema.offboardings).where(eq(schema.offboardings.clientId, seeded.clientId));
    expect(offboarding?.state).toBe('in_progress');
    expect(offboarding?.reasons.map((reason) => reason.summary)).toEqual(['INV-2026-003 became overdue']);
  });

  it('links the dossier as a PDF download and as an HTML page', async () => {
    const pdf = page.getByRole('link', { name: 'Dossier (PDF)' });
    expect(await pdf.getAttribute('download')).not.toBeNull();
    const href = await pdf.getAttribute('href');
    expect(href).toBe(`/v1/clients/${seeded.clientId}/dossier?format=pdf`);
    // Fetched as the page would: same origin, the session cookie only. A script string: no DOM library here.
    const answer = (await page.evaluate(`fetch(${JSON.stringify(href)}).then(async (response) => ({
      status: response.status,
      type: response.headers.get('content-type'),
      head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)),
    }))`)) as { status: number; type: string | null; head: string };
    expect(answer).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await page.getByRole('link', { name: /Dossier \(HTML\)/ }).getAttribute('href')).toBe(
      `/v1/clients/${seeded.clientId}/dossier?format=html`,
    );
  });

  it('cancels the offboarding only after a confirmation in the page: the client is active again', async () => {
    const section = page.getByRole('region', { name: 'End the relationship' });
    const offboardingState = async () =>
      (await t.db.select().from(schema.offboardings).where(eq(schema.offboardings.clientId, seeded.clientId)))[0]?.state;
    await section.getByRole('button', { name: 'Cancel offboarding' }).click();
    const confirm = section.getByRole('group', { name: 'Cancel this offboarding?' });
    await confirm.waitFor();
    // The harmless choice takes the focus: Enter keeps the offboarding.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Keep it');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'hidden' });
    expect(await offboardingState()).toBe('in_progress');

    await section.getByRole('button', { name: 'Cancel offboarding' }).click();
    await confirm.getByRole('button', { name: 'Yes, cancel offboarding' }).click();
    await section
      .getByRole('status')
      .getByText(/Offboarding cancelled/)
      .waitFor();
    await section.getByText('End the relationship…').waitFor();
    await page.locator('h1 .badge', { hasText: 'active' }).waitFor();
    expect(await offboardingState()).toBe('cancelled');
    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, seeded.clientId));
    expect(client?.status).toBe('active');
  });

  it('shows the mailboxes with a banner for the one that needs reconnecting', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
    const banner = page.getByRole('alert').filter({ hasText: 'billing@browser-studio.example needs to be reconnected' });
    await banner.waitFor();
    await page.getByRole('rowheader', { name: 'studio@browser-studio.example' }).waitFor();
    await page.getByRole('button', { name: 'Connect Gmail' }).waitFor();
    await screenshots('mailboxes');
  });

  it('connects a mailbox by going to the provider consent page the API names', async () => {
    // The sandboxed provider is not running: answer its consent page here instead.
    await page.route('http://127.0.0.1:9/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>consent</title><link rel="icon" href="data:,">' }),
    );
    await page.getByRole('button', { name: 'Connect Gmail' }).click();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:9\//);
    expect(new URL(page.url()).searchParams.get('state')).toBeTruthy();
    await page.unroute('http://127.0.0.1:9/**');
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
