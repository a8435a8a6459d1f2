/**
 * The Connect page in a real headless Chromium (Debian's `chromium` driven by playwright-core,
 * JavaScript disabled to prove the page needs none): open a link's redirect_url, click
 * Approve or Deny, land on the app's callback with the outcome, see the account's status.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const KEY = 'browser-key';

interface CallbackServer {
  url: string;
  hits: URL[];
  close(): Promise<void>;
}

/** The application's side: a page the Connect page redirects to, remembering each visit. */
async function startCallbackServer(): Promise<CallbackServer> {
  const hits: URL[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><title>Back in the app</title><h1>Back in the app</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe.skipIf(!existsSync(CHROMIUM))('Connect page in headless Chromium', () => {
  let mock: RunningServer;
  let app: CallbackServer;
  let browser: Browser;
  let context: BrowserContext;

  async function api(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${mock.url}${path}`, {
      method,
      headers: { 'x-api-key': KEY, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return res.json();
  }

  async function newLink(userId: string, callback?: string): Promise<{ redirect_url: string; connected_account_id: string }> {
    const session = await api('POST', '/api/v3.1/tool_router/session', { user_id: userId });
    const link = await api('POST', `/api/v3.1/tool_router/session/${session.session_id}/link`, {
      toolkit: 'github',
      ...(callback ? { callback_url: callback } : {}),
    });
    expect(link.redirect_url, JSON.stringify(link)).toEqual(expect.any(String));
    return link;
  }

  beforeAll(async () => {
    mock = await startServer({ port: 0, host: '127.0.0.1', seed: 21 });
    app = await startCallbackServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ javaScriptEnabled: false });
    // Only the two local servers exist for this browser; anything else is cut off (and the
    // Approve test asserts that the page never even asks).
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await mock?.close();
  });

  it('Approve: redirects to the callback with status=success and the account id; the account is ACTIVE', async () => {
    const link = await newLink('browser-user', `${app.url}/cb?from=browser`);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(link.redirect_url, { waitUntil: 'load' });
    expect(await page.title()).toBe('Connect GitHub');
    // The page promises that nothing leaves the machine: every request stays on the mock's origin.
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => new URL(url).origin !== mock.url)).toEqual([]);
    expect(await page.locator('.badge').textContent()).toBe('GH');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('form', { name: 'Connect GitHub' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connect GitHub');
    expect(await page.locator('dd', { hasText: 'browser-user' }).count()).toBe(1);

    // Keyboard users see where they are: the first Tab lands on Approve with a visible outline.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.text).toBe('Approve');
    expect(focused.outline).not.toBe('none');

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`${app.url}/cb?**`);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('from')).toBe('browser');
    expect(landed.searchParams.get('status')).toBe('success');
    expect(landed.searchParams.get('connected_account_id')).toBe(link.connected_account_id);
    expect(await page.title()).toBe('Back in the app');
    expect(app.hits.at(-1)?.searchParams.get('status')).toBe('success');

    const account = await api('GET', `/api/v3.1/connected_accounts/${link.connected_account_id}`);
    expect(account.status).toBe('ACTIVE');
    await page.close();
  });

  it('Deny: redirects with status=failed; the account is FAILED', async () => {
    const link = await newLink('denying-user', `${app.url}/cb`);
    const page = await context.newPage();
    await page.goto(link.redirect_url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`${app.url}/cb?**`);
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    const account = await api('GET', `/api/v3.1/connected_accounts/${link.connected_account_id}`);
    expect(account.status).toBe('FAILED');
    await page.close();
  });

  it('without a callback: a confirmation page; reopening the used link says so (409)', async () => {
    const link = await newLink('no-callback-user');
    const page = await context.newPage();
    await page.goto(link.redirect_url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.title()).toBe('Account connected');
    const again = await page.goto(link.redirect_url, { waitUntil: 'domcontentloaded' });
    expect(again?.status()).toBe(409);
    expect(await page.title()).toBe('Link already used');
    await page.close();
  });
});
