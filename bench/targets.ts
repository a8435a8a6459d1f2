/**
 * The three servers of the throughput table, each in its own child process: the mock, Prism on
 * our own OpenAPI document (stateless), and the bare `node:http` server replaying the mock's bytes.
 */
import { join, resolve } from 'node:path';
import { type ChildServer, freePort, spawnQuiet, stopChild, waitForHttp } from './processes.js';
import { BENCH_API_KEY } from './scenarios.js';

const ROOT = resolve(import.meta.dirname, '..');
const SPEC = join(ROOT, 'openapi', 'tool-router.v3.1.yaml');

async function started(name: string, args: string[], readyPath: string, timeoutMs: number): Promise<ChildServer> {
  const port = await freePort();
  const child = spawnQuiet(process.execPath, args.map((a) => a.replace('{port}', String(port))));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}${readyPath}`, { headers: { 'x-api-key': BENCH_API_KEY }, timeoutMs, intervalMs: 50, child });
  } catch (error) {
    await stopChild(child);
    throw new Error(`${name} did not start: ${(error as Error).message}\n${child.output()}`);
  }
  return { name, url, port, child, stop: () => stopChild(child) };
}

/**
 * The mock: the compiled CLI when given, else the TypeScript sources through tsx.
 *
 * @example
 * const mock = await startMock(compiled?.cli);
 */
export function startMock(compiledCli?: string): Promise<ChildServer> {
  const entry = compiledCli ? [compiledCli] : ['--import', 'tsx', join(ROOT, 'src', 'cli.ts')];
  return started('composio-mock', [...entry, 'serve', '--port', '{port}', '--seed', '1', '--quiet'], '/_mock/health', 30_000);
}

/** Display names of the two Prism targets. */
export const PRISM = 'Prism';
export const PRISM_QUIET = 'Prism -v error';

/**
 * Prism 5 mocking our document. As the issue runs it (default `info` logging, one log line per
 * validation step, drained from a pipe), or with `quiet` at `-v error`, Prism at its fastest.
 *
 * @example
 * const prism = await startPrism({ quiet: true });
 */
export function startPrism(options: { quiet: boolean }): Promise<ChildServer> {
  const cli = join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
  const args = [cli, 'mock', '-h', '127.0.0.1', '-p', '{port}', ...(options.quiet ? ['-v', 'error'] : []), SPEC];
  return started(options.quiet ? PRISM_QUIET : PRISM, args, '/api/v3.1/tool_router/session/trs_probe', 60_000);
}

/**
 * The bare server replaying `recordingsFile` (see record.ts).
 *
 * @example
 * const bare = await startBare('/tmp/recordings.json');
 */
export function startBare(recordingsFile: string): Promise<ChildServer> {
  return started('bare node:http', ['--import', 'tsx', join(ROOT, 'bench', 'bare-server.ts'), recordingsFile, '{port}'], '/', 30_000);
}
