/**
 * `setupWorker` with the same handlers in a real page (headless Chromium through
 * playwright-core): create a session, search, execute, inject a failure and download a file
 * from a presigned URL, all answered by the service worker, nothing on the network.
 *
 * The page bundle is built here: the package's browser bundle (scripts/build-package.mjs, as
 * `npm run build` makes dist/browser/msw.js) plus msw/browser, served from 127.0.0.1 with
 * msw's worker script.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-package.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;

/** `../../mocks/index.js` in the page -> the built browser bundle. */
function useBuiltBundle(bundle: string): Plugin {
  return {
    name: 'use-built-bundle',
    setup(b) {
      b.onResolve({ filter: /\/mocks\/index\.js$/ }, () => ({ path: bundle }));
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'composio-mock-browser-'));
  const bundle = path.join(dir, 'lib', 'msw.js');
  await buildBrowser({ outfile: bundle });
  await build({
    entryPoints: [path.join(ROOT, 'test', 'browser', 'msw-worker-page.ts')],
    outfile: path.join(dir, 'site', 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    nodePaths: [path.join(ROOT, 'node_modules')],
    plugins: [useBuiltBundle(bundle)],
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'), path.join(dir, 'site', 'mockServiceWorker.js'));
  writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html><html><head><title>composio-mock msw worker</title></head><body><script type="module" src="/page.js"></script></body></html>');

  server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!.slice(1);
    const file = path.join(dir, 'site', path.basename(name));
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('a page with setupWorker(...handlers) creates a session, searches, executes and downloads, offline', async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  // Anything leaving the browser other than our own static server would mean the worker missed it.
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) outside.push(request.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 60_000 });
  const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Record<string, any>;
  expect(result.error, result.error).toBeUndefined();
  expect(errors).toEqual([]);
  expect(result.userAgent).toContain('HeadlessChrome');

  expect(result.created).toMatchObject({ status: 201, sessionId: expect.stringMatching(/^trs_/) });
  expect(result.created.mcpUrl.startsWith('https://backend.composio.dev/')).toBe(true);
  expect(result.search).toMatchObject({ status: 200, first: 'GITHUB_CREATE_AN_ISSUE' });
  expect(result.executed).toMatchObject({ status: 200, error: null, logId: expect.stringMatching(/^log_/) });
  expect(result.failed).toEqual({ status: 503, code: 1500 });
  expect(result.file).toMatchObject({ status: 200, text: 'hello from the page' });
  expect(result.file.url.startsWith('https://backend.composio.dev/')).toBe(true);
  expect(result.executions).toBe(1);
  // The page's fetches to backend.composio.dev are answered by the worker; playwright still
  // reports them as requests, but none of them reached a network.
  expect(outside.every((url) => url.startsWith('https://backend.composio.dev/'))).toBe(true);
  await page.close();
}, 90_000);
