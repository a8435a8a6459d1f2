/**
 * The rows of the throughput table. Each scenario is one request shape, run against the mock,
 * Prism and the bare server with the same client and settings. Add a row by appending to
 * `scenarios` (POST search and POST execute belong here too); if it needs more state than one
 * session, extend `BenchContext` and `prepareContext`.
 */
import { request } from 'node:http';

/** State created on the mock before the runs; every path and body may use it. */
export interface BenchContext {
  /** A live session of project `BENCH_API_KEY`, toolkits github + gmail, GitHub connected. */
  sessionId: string;
  /** A second session of the same project that only the PATCH row changes, so its config edits never leak into other rows. */
  patchSessionId: string;
}

export interface Scenario {
  /** Row label, e.g. `GET session`. */
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path(ctx: BenchContext): string;
  /** JSON body of the i-th request (the client cycles through `variants` prebuilt ones). */
  body?(ctx: BenchContext, i: number): unknown;
  /** Distinct bodies the client cycles through (default 16). Thousands defeat the mock's memos: every request is new work. */
  variants?: number;
  /** Goals on requests per second (the targets); a row without goals just reports. */
  goals?: { timesPrism?: number; fractionOfBare?: number };
}

export const BENCH_API_KEY = 'bench-key';
const SESSION_PATH = '/api/v3.1/tool_router/session';

/** More bodies than any memo of the mock keeps (512 query texts, 16 outputs per tool). */
const DISTINCT_VARIANTS = 4096;
const PROJECTS = ['apollo', 'borealis', 'cobalt', 'delta', 'ember', 'fjord', 'granite'];

const SEARCH_QUERIES = ['open an issue about the failing build', 'email the weekly report to the team', 'list my repositories', 'find unread messages from my manager'];

export const scenarios: Scenario[] = [
  {
    name: 'GET session',
    method: 'GET',
    path: (ctx) => `${SESSION_PATH}/${ctx.sessionId}`,
    goals: { timesPrism: 10, fractionOfBare: 0.4 },
  },
  {
    name: 'PATCH session',
    method: 'PATCH',
    path: (ctx) => `${SESSION_PATH}/${ctx.patchSessionId}`,
    // Alternating bodies, so every request really changes the config (and archives a version).
    body: (_ctx, i) => ({ toolkits: { enable: i % 2 === 0 ? ['github', 'gmail'] : ['slack'] }, manage_connections: { enable: i % 2 === 0 } }),
  },
  {
    name: 'POST search',
    method: 'POST',
    path: (ctx) => `${SESSION_PATH}/${ctx.sessionId}/search`,
    body: (_ctx, i) => ({ queries: [{ use_case: SEARCH_QUERIES[i % SEARCH_QUERIES.length]! }] }),
    goals: { timesPrism: 10 },
  },
  {
    name: 'POST execute',
    method: 'POST',
    path: (ctx) => `${SESSION_PATH}/${ctx.sessionId}/execute`,
    body: (_ctx, i) => ({ tool_slug: 'GITHUB_CREATE_AN_ISSUE', arguments: { owner: 'acme', repo: 'web', title: `Bench issue ${i % 4}` } }),
    goals: { timesPrism: 10 },
  },
  // The two rows above repeat four bodies, as an agent re-running a step does, and the mock
  // answers repeats from its memos (search scores per query text, outputs per arguments and
  // second). These two send a new body every time: the cost of first-time work.
  {
    name: 'POST search, new query',
    method: 'POST',
    path: (ctx) => `${SESSION_PATH}/${ctx.sessionId}/search`,
    body: (_ctx, i) => ({ queries: [{ use_case: `${SEARCH_QUERIES[i % SEARCH_QUERIES.length]!} for ${PROJECTS[i % PROJECTS.length]!} sprint ${Math.floor(i / PROJECTS.length)}` }] }),
    variants: DISTINCT_VARIANTS,
  },
  {
    name: 'POST execute, new arguments',
    method: 'POST',
    path: (ctx) => `${SESSION_PATH}/${ctx.sessionId}/execute`,
    body: (_ctx, i) => ({ tool_slug: 'GITHUB_CREATE_AN_ISSUE', arguments: { owner: 'acme', repo: 'web', title: `Bench issue ${i}` } }),
    variants: DISTINCT_VARIANTS,
  },
];

/** POST/GET JSON against the mock, for setup; rejects on a non-2xx answer. */
export function sendJson(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          'x-api-key': BENCH_API_KEY,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.byteLength) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) reject(new Error(`${method} ${path} -> ${status}: ${text.slice(0, 300)}`));
          else resolve({ status, json: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Creates the state the scenarios need on a running mock.
 *
 * @example
 * const ctx = await prepareContext('http://127.0.0.1:4010');
 */
export async function prepareContext(baseUrl: string): Promise<BenchContext> {
  const created = await sendJson(baseUrl, 'POST', SESSION_PATH, { user_id: 'bench-user', toolkits: { enable: ['github', 'gmail'] } });
  // Execute needs an ACTIVE GitHub account for the session's user.
  await sendJson(baseUrl, 'POST', '/_mock/connected_accounts', { user_id: 'bench-user', toolkit: 'github' });
  const patched = await sendJson(baseUrl, 'POST', SESSION_PATH, { user_id: 'bench-user', toolkits: { enable: ['github', 'gmail'] } });
  return { sessionId: created.json.session_id as string, patchSessionId: patched.json.session_id as string };
}
