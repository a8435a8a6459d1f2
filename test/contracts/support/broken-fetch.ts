/**
 * Deliberately broken variants of the mock, for proving the contract suite catches them: the
 * real app's `fetch` wrapped by a function that rewrites (or answers instead of) specific
 * requests. The app itself is never changed.
 */
import { createApp, type MockApp } from '../../../src/http/app.js';
import type { CheckResult, ContractReport, FetchLike } from '../../../contracts/index.js';

export type Forward = (request: Request) => Promise<Response>;
/** Sees each request and decides the response, usually by forwarding and rewriting. */
export type Breakage = (request: Request, forward: Forward) => Promise<Response>;

/** The base URL the in-process variants answer on. */
export const VARIANT_BASE_URL = 'http://variant.local';

/**
 * A fresh app behind `breakage`, as a fetch for `runContractSuite({ fetch })`.
 *
 * @example
 * const fetch = brokenFetch(async (req, forward) => withStatus(await forward(req), 200));
 */
export function brokenFetch(breakage: Breakage, app: MockApp = createApp({ seed: 11 })): FetchLike {
  return (input, init) => breakage(new Request(input, init), (request) => app.fetch(request));
}

/**
 * Same status and headers, the JSON body replaced by `edit(body)`.
 *
 * @example
 * await rewriteJson(res, (body) => ({ ...body, config_version: 0 }));
 */
export async function rewriteJson(response: Response, edit: (body: any) => unknown, status = response.status): Promise<Response> {
  const body = edit(await response.json());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * A JSON answer with the headers the mock sends.
 *
 * @example
 * json(200, { session_id: 'trs_1', deleted: true });
 */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_variant' } });
}

const SESSION = /^\/api\/v3\.1\/tool_router\/session(?:\/(trs_[^/]+))?$/;

/**
 * The session id when the request addresses the session resource itself (not a sub-path).
 *
 * @example
 * sessionResource(new Request('http://x/api/v3.1/tool_router/session/trs_1'))?.id; // 'trs_1'
 */
export function sessionResource(request: Request): { id?: string } | undefined {
  const match = SESSION.exec(new URL(request.url).pathname);
  return match ? (match[1] ? { id: match[1] } : {}) : undefined;
}

/**
 * True for a session envelope (create, get, patch, attach answers).
 *
 * @example
 * isSessionEnvelope({ session_id: 'trs_1', mcp: {} }); // true
 */
export function isSessionEnvelope(body: any): boolean {
  return body !== null && typeof body === 'object' && typeof body.session_id === 'string' && 'mcp' in body;
}

/**
 * The check whose id starts with `prefix` (ids are `<group> › <name>`).
 *
 * @example
 * findCheck(report, 'sessions › create').status; // 'failed'
 */
export function findCheck(report: ContractReport, prefix: string): CheckResult {
  const found = report.checks.find((c) => c.id.startsWith(prefix));
  if (!found) throw new Error(`no check starts with "${prefix}"; ran: ${report.checks.map((c) => c.id).join(' | ')}`);
  return found;
}
