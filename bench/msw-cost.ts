/**
 * What MSW adds per request: GET session answered by `app.fetch(new Request(...))` directly,
 * and by the same kind of app behind `setupServer(...mock.handlers)` reached with the global
 * fetch (interceptor, handler matching, request/response cloning). Sequential requests, one
 * at a time, so each sample is one request's latency.
 *
 * For bench/run.ts: add a section whose `run` calls `measureMswCost` and prints the two rows.
 */
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import { createComposioMock } from '../mocks/index.js';
import { ManualClock } from '../src/engine/clock.js';

/** Median and 99th percentile of one way of calling, in microseconds. */
export interface LatencySummary {
  median_us: number;
  p99_us: number;
}

export interface MswCost {
  direct: LatencySummary;
  msw: LatencySummary;
}

const KEY = 'bench-key';
const ORIGIN = 'https://backend.composio.dev';

function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! * 1000;
  return { median_us: Math.round(at(0.5)), p99_us: Math.round(at(0.99)) };
}

async function sample(iterations: number, call: () => Promise<Response>): Promise<number[]> {
  const warmup = Math.min(200, Math.ceil(iterations / 10));
  for (let i = 0; i < warmup; i++) await (await call()).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    const res = await call();
    await res.arrayBuffer();
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`GET session answered ${res.status}`);
  }
  return samples;
}

/**
 * @example
 * const { direct, msw } = await measureMswCost({ iterations: 2000 });
 * console.log(`MSW adds ${msw.median_us - direct.median_us} µs at the median`);
 */
export async function measureMswCost({ iterations = 2000 }: { iterations?: number } = {}): Promise<MswCost> {
  const mock = createComposioMock({ seed: 1, clock: new ManualClock('2026-01-01T00:00:00Z') });
  const { session_id } = await mock.seed.session(KEY, { user_id: 'bench-user', toolkits: { enable: ['github'] } });
  const url = `${ORIGIN}/api/v3.1/tool_router/session/${session_id}`;
  const headers = { 'x-api-key': KEY };

  const direct = await sample(iterations, () => mock.app.fetch(new Request(url, { headers })));

  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const viaMsw = await sample(iterations, () => fetch(url, { headers }));
    return { direct: summarize(direct), msw: summarize(viaMsw) };
  } finally {
    server.close();
  }
}

// `tsx bench/msw-cost.ts [iterations]` prints the figures on their own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.argv[2] ?? 2000);
  measureMswCost({ iterations }).then((cost) => {
    process.stdout.write(`| path | median (µs) | p99 (µs) |\n|---|---:|---:|\n`);
    process.stdout.write(`| app.fetch directly | ${cost.direct.median_us} | ${cost.direct.p99_us} |\n`);
    process.stdout.write(`| setupServer + fetch | ${cost.msw.median_us} | ${cost.msw.p99_us} |\n`);
  });
}
