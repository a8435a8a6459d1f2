/**
 * `composio-mock contract`: usage errors exit 2, a green run exits 0, a failing one 1; the
 * summary line is alone on its line, JUnit goes to a file or to stdout, the key never shows.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCommand, type ContractIo } from '../../src/cli-contract.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { junitViolations } from './support/junit-schema.js';
import { parseXml } from './support/xml.js';

const KEY = 'cli-secret-key-9a7e';

function io(env: Record<string, string | undefined> = {}) {
  const out = { stdout: '', stderr: '' };
  const streams: ContractIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), env };
  return { out, streams };
}

describe('composio-mock contract', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
    dir = await mkdtemp(join(tmpdir(), 'contract-cli-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('--help prints the options and exits 0', async () => {
    const { out, streams } = io();
    expect(await contractCommand(['--help'], streams)).toBe(0);
    for (const flag of ['--base-url', '--api-key', '--reporter', '--output', '--grep', '--allow-writes', '--timeout']) expect(out.stdout).toContain(flag);
  });

  it.each([
    ['no base URL', ['--api-key', 'k'], /--base-url or COMPOSIO_BASE_URL/],
    ['no key', ['--base-url', 'http://127.0.0.1:1'], /--api-key or COMPOSIO_API_KEY/],
    ['a base URL that is not http', ['--base-url', 'ftp://x', '--api-key', 'k'], /http\(s\) URL/],
    ['an unknown reporter', ['--base-url', 'http://127.0.0.1:1', '--api-key', 'k', '--reporter', 'tap'], /console or junit/],
    ['a bad timeout', ['--base-url', 'http://127.0.0.1:1', '--api-key', 'k', '--timeout', '5s'], /--timeout/],
    ['an invalid grep', ['--base-url', 'http://127.0.0.1:1', '--api-key', 'k', '--grep', '(('], /regular expression/],
    ['a grep matching nothing', ['--base-url', 'http://127.0.0.1:1', '--api-key', 'k', '--grep', 'no-such-check'], /matches no check/],
    ['an unknown flag', ['--base-url', 'http://127.0.0.1:1', '--api-key', 'k', '--frobnicate'], /frobnicate/],
  ])('exits 2 for %s', async (_what, argv, message) => {
    const { out, streams } = io();
    expect(await contractCommand(argv, streams)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('a green run exits 0 with the summary line alone on its line; the key comes from the environment and is never shown', async () => {
    const { out, streams } = io({ COMPOSIO_API_KEY: KEY, COMPOSIO_BASE_URL: server.url });
    expect(await contractCommand(['--grep', '^errors ›'], streams)).toBe(0);
    expect(out.stdout).toMatch(/^ {2}✓ errors › 401 without x-api-key \(\d+ ms\)$/m);
    expect(out.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out.stdout + out.stderr).not.toContain(KEY);
  });

  it('--reporter junit --output FILE writes the XML and keeps the progress on the console', async () => {
    const file = join(dir, 'contract.xml');
    const { out, streams } = io();
    expect(await contractCommand(['--base-url', server.url, '--api-key', KEY, '--grep', '^sessions › (create|get)', '--reporter', 'junit', '--output', file], streams)).toBe(0);
    const root = parseXml(await readFile(file, 'utf8'));
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0' });
    expect(junitViolations(root)).toEqual([]);
    expect(out.stdout).toMatch(/^2 passed, 0 failed$/m);
    expect(out.stdout).toContain(`JUnit XML written to ${file}`);
  });

  it('--output into folders that do not exist yet creates them (mkdir -p) and writes the XML', async () => {
    const file = join(dir, 'reports', 'nested', 'contract.xml');
    const { out, streams } = io();
    expect(await contractCommand(['--base-url', server.url, '--api-key', KEY, '--grep', '^errors › 404', '--reporter', 'junit', '--output', file], streams)).toBe(0);
    expect(parseXml(await readFile(file, 'utf8')).attributes).toMatchObject({ tests: '1', failures: '0' });
    expect(out.stdout).toContain(`JUnit XML written to ${file}`);
    expect(out.stderr).toBe('');
  });

  it.each([
    ['a folder in the way of the file', async () => { await mkdir(join(dir, 'is-a-dir'), { recursive: true }); return join(dir, 'is-a-dir'); }, 'EISDIR'],
    ['a file in the way of a folder', async () => { await writeFile(join(dir, 'plain-file'), 'x'); return join(dir, 'plain-file', 'contract.xml'); }, /ENOTDIR|EEXIST/],
  ])('an unwritable --output (%s) exits 2 with one line before running any check', async (_what, makePath, code) => {
    const file = await makePath();
    const { out, streams } = io();
    expect(await contractCommand(['--base-url', server.url, '--api-key', 'unwritable-output-key', '--reporter', 'junit', '--output', file], streams)).toBe(2);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^composio-mock contract: cannot write --output /);
    expect(lines[0]).toMatch(code);
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(out.stdout).toBe('');
    // No check ran: the project behind the key never saw a request.
    const state = (await (await fetch(`${server.url}/_mock/state`, { headers: { 'x-api-key': 'unwritable-output-key' } })).json()) as any;
    expect(state.project.sessions).toEqual([]);
  });

  it('--reporter junit without --output puts only XML on stdout and the progress on stderr', async () => {
    const { out, streams } = io();
    expect(await contractCommand(['--base-url', server.url, '--api-key', KEY, '--grep', '^errors › 404', '--reporter', 'junit'], streams)).toBe(0);
    expect(parseXml(out.stdout).name).toBe('testsuites');
    expect(out.stderr).toMatch(/^1 passed, 0 failed$/m);
  });

  it('exits 1 when the target cannot be reached, saying so', async () => {
    const closed = await startServer({ port: 0, host: '127.0.0.1' });
    const url = closed.url;
    await closed.close();
    const { out, streams } = io();
    expect(await contractCommand(['--base-url', url, '--api-key', KEY, '--timeout', '2000'], streams)).toBe(1);
    expect(out.stdout).toContain('✗ target › reachable');
    expect(out.stdout).toMatch(/^0 passed, 1 failed$/m);
  });
});
