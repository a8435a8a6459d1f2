/**
 * Cold start: the time from spawning `composio-mock serve` to the first answered
 * `GET /_mock/health`, measured several times per way of running it; the median is reported.
 */
import { join, resolve } from 'node:path';
import { freePort, spawnQuiet, stopChild, waitForHttp } from './processes.js';

const ROOT = resolve(import.meta.dirname, '..');

/** One way of starting the CLI: the node arguments before `serve`. */
export interface StartVariant {
  label: string;
  args: string[];
}

export interface ColdStartResult {
  label: string;
  runs: number[];
  medianMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The ways the CLI is started: the bin script (tsx in a checkout, `dist` when built), tsx
 * directly, and the compiled CLI when one is given.
 *
 * @example
 * const variants = startVariants(compiledCli());
 */
export function startVariants(compiled?: { cli: string; origin: string }): StartVariant[] {
  const variants: StartVariant[] = [
    { label: 'node bin/composio-mock.js serve', args: [join(ROOT, 'bin', 'composio-mock.js')] },
    { label: 'node --import tsx src/cli.ts serve', args: ['--import', 'tsx', join(ROOT, 'src', 'cli.ts')] },
  ];
  if (compiled) variants.push({ label: `node ${compiled.origin === 'dist' ? 'dist' : '<temporary tsc build>'}/src/cli.js serve`, args: [compiled.cli] });
  return variants;
}

/**
 * Starts the CLI `runs` times and times each start to its first health answer.
 *
 * @example
 * const result = await measureColdStart(startVariants()[0], 5);
 * result.medianMs;
 */
export async function measureColdStart(variant: StartVariant, runs: number): Promise<ColdStartResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const spawnedAt = performance.now();
    const child = spawnQuiet(process.execPath, [...variant.args, 'serve', '--port', String(port), '--quiet']);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/_mock/health`, { timeoutMs: 30_000, intervalMs: 2, child });
      times.push(performance.now() - spawnedAt);
    } finally {
      await stopChild(child);
    }
  }
  return { label: variant.label, runs: times, medianMs: median(times) };
}
