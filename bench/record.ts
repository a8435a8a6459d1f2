/**
 * Recording what the mock answers, byte for byte, so the bare baseline can send exactly the
 * same status, headers and body.
 */
import { request } from 'node:http';
import { requestBytes } from './http-wire.js';
import { BENCH_API_KEY, type BenchContext, type Scenario } from './scenarios.js';

/** One recorded answer. Headers node adds by itself (date, connection, keep-alive) are left out. */
export interface Recording {
  status: number;
  headers: Array<[string, string]>;
  bodyBase64: string;
}

const ADDED_BY_NODE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The request line key the bare server answers by: `METHOD /path`. */
export const recordingKey = (method: string, path: string): string => `${method} ${path}`;

/**
 * The prebuilt requests a scenario sends (a few varied bodies, used in turn).
 *
 * @example
 * const bytes = scenarioRequests(scenarios[0], ctx, '127.0.0.1:4010');
 */
export function scenarioRequests(scenario: Scenario, ctx: BenchContext, host: string): Buffer[] {
  const count = scenario.body ? (scenario.variants ?? 16) : 1;
  return Array.from({ length: count }, (_, i) =>
    requestBytes(scenario.method, scenario.path(ctx), host, { 'x-api-key': BENCH_API_KEY, accept: 'application/json' }, scenario.body ? JSON.stringify(scenario.body(ctx, i)) : undefined),
  );
}

/**
 * Sends one request of each scenario to the mock and keeps its answer.
 *
 * @example
 * const recordings = await recordScenarios('http://127.0.0.1:4010', scenarios, ctx);
 */
export async function recordScenarios(baseUrl: string, list: Scenario[], ctx: BenchContext): Promise<Record<string, Recording>> {
  const out: Record<string, Recording> = {};
  for (const scenario of list) {
    const path = scenario.path(ctx);
    const body = scenario.body ? Buffer.from(JSON.stringify(scenario.body(ctx, 0))) : undefined;
    out[recordingKey(scenario.method, path)] = await new Promise<Recording>((resolve, reject) => {
      const req = request(
        `${baseUrl}${path}`,
        {
          method: scenario.method,
          agent: false,
          headers: { 'x-api-key': BENCH_API_KEY, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.byteLength) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Array<[string, string]> = [];
            for (let i = 0; i < res.rawHeaders.length; i += 2) {
              const name = res.rawHeaders[i]!;
              if (!ADDED_BY_NODE.has(name.toLowerCase())) headers.push([name, res.rawHeaders[i + 1]!]);
            }
            resolve({ status: res.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString('base64') });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
  return out;
}
