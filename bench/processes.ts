/**
 * Child processes for the benchmark: every server runs in its own process so that it never
 * shares an event loop with the load generator. Helpers to find a free port, wait until a
 * server answers, and stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nobody listens on right now (the OS picks it).
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One GET; resolves with the status, rejects when nothing answers. */
function probe(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Polls `url` until it answers with any HTTP status; resolves with the time that took.
 *
 * @example
 * await waitForHttp('http://127.0.0.1:4010/_mock/health', { timeoutMs: 5000 });
 */
export async function waitForHttp(
  url: string,
  options: { headers?: Record<string, string>; timeoutMs: number; intervalMs?: number; child?: ChildProcess },
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (options.child && options.child.exitCode !== null) throw new Error(`process exited (${options.child.exitCode}) before ${url} answered`);
    try {
      await probe(url, options.headers ?? {});
      return performance.now() - started;
    } catch {
      if (performance.now() - started > options.timeoutMs) throw new Error(`${url} did not answer within ${options.timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, options.intervalMs ?? 5));
    }
  }
}

/** A server started in a child process. */
export interface ChildServer {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Spawns `command args` with stdout/stderr kept (for errors) but not echoed.
 *
 * @example
 * const child = spawnQuiet(process.execPath, ['bench/bare-server.ts']);
 */
export function spawnQuiet(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess & { output(): string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Bounded and cheap once full: Prism logs every request, and this runs in the load
    // generator's process; start-up errors come first anyway.
    if (output.length < 8000) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return Object.assign(child, { output: () => output });
}

/**
 * Stops a child by its own pid and waits for it to exit.
 *
 * @example
 * await stopChild(child);
 */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * CPU time a process has used so far, in microseconds (Linux `/proc`; NaN elsewhere).
 *
 * @example
 * const before = processCpuUs(child.pid!);
 */
export function processCpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / CLOCK_TICKS_PER_SECOND) * 1e6;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ; 100 on every Linux node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
