import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('composio-mock help and usage errors', () => {
  it('lists the commands with --help (exit 0) and without a command (exit 1)', async () => {
    const io = capture();
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toContain('serve');
    expect(io.out()).toContain('contract');
    expect(await main([])).toBe(1);
  });

  it('has --help on every command', async () => {
    const io = capture();
    expect(await main(['serve', '--help'])).toBe(0);
    expect(io.out()).toContain('--frozen-time');
    expect(await main(['contract', '--help'])).toBe(0);
    expect(io.out()).toContain('--base-url');
    expect(await main(['help', 'serve'])).toBe(0);
  });

  it('exits 2 with a message for bad flags and values and unknown commands', async () => {
    const io = capture();
    expect(await main(['serve', '--port', 'abc'])).toBe(2);
    expect(io.err()).toContain('--port must be a whole number');
    expect(await main(['serve', '--bogus'])).toBe(2);
    expect(await main(['serve', '--frozen-time', 'yesterday'])).toBe(2);
    expect(io.err()).toContain('--frozen-time must be an ISO date-time');
    expect(await main(['serve', '--api-key', ''])).toBe(2);
    expect(await main(['launch'])).toBe(2);
    expect(io.err()).toContain('Unknown command "launch"');
    expect(await main(['help', 'launch'])).toBe(2);
  });

  it('reads --frozen-time strictly: no rolled-over dates, no bare numbers, within the clock range', async () => {
    capture();
    for (const bad of ['1', '2026-02-30T00:00:00Z', '2026-01-01T10:00:00', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(await main(['serve', '--frozen-time', bad]), bad).toBe(2);
    }
  });

  it('reports broken fixtures in one message per problem, without a stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cm-cli-fixtures-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"slug": 5}');
    const io = capture();
    try {
      expect(await main(['serve', '--port', '0', '--fixtures', dir])).toBe(1);
      expect(io.err()).toContain('the fixtures have problems');
      expect(io.err()).toContain('bad.json');
      expect(io.err()).not.toContain('    at ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('composio-mock serve as a process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  function serve(args: string[]): Promise<{ url: string; child: ChildProcess }> {
    child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const started = child;
    return new Promise((resolve, reject) => {
      let text = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(text);
        if (match) resolve({ url: match[1]!, child: started });
      });
      started.once('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
  }

  it('serves on a free port with the given seed and frozen time, then stops cleanly on SIGTERM', async () => {
    const { url, child: proc } = await serve(['--port', '0', '--seed', '3', '--frozen-time', '2026-01-01T00:00:00Z', '--quiet']);
    const health = await fetch(`${url}/_mock/health`);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const clock = await fetch(`${url}/_mock/clock`);
    expect(await clock.json()).toEqual({ now: '2026-01-01T00:00:00.000Z' });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('restricts keys with --api-key', async () => {
    const { url } = await serve(['--port', '0', '--api-key', 'good', '--quiet']);
    const bad = await fetch(`${url}/api/v3.1/tool_router/session/trs_x`, { headers: { 'x-api-key': 'bad' } });
    expect(bad.status).toBe(401);
    const good = await fetch(`${url}/api/v3.1/tool_router/session/trs_x`, { headers: { 'x-api-key': 'good' } });
    expect(good.status).toBe(404);
  });

  it('exits 1 with a message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
      expect(code).toBe(1);
      expect(err).toContain('already in use');
    } finally {
      blocker.close();
    }
  });
});
