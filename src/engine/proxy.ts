/**
 * proxy_execute (reference 3.12): a call to a toolkit's own API "through the user's
 * connection", answered by a simulated upstream. It never touches the network.
 *
 * Choices where the real service's behaviour is unknown (docs/connections-and-files.md):
 * a missing connection is HTTP 400 (the response has no `error` field to carry it in-band);
 * proxy uses the session's default account (the request cannot name one); an absolute
 * `endpoint` must be on the toolkit's `base_url` host; unknown endpoints get a documented
 * generic 200 echo; binary fixtures come back as `binary_data` with a presigned URL.
 */
import { usableAccounts } from './accounts.js';
import type { CatalogToolkit } from './catalog-types.js';
import type { Engine } from './engine.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { storeBinary } from './files.js';
import { loadProxyFixtures, matchProxyFixture, type ProxyFixtureSet } from './proxy-fixtures.js';
import { requireSession } from './sessions.js';
import { isToolkitAllowed } from './tool-access.js';
import type { CallContext } from './types.js';

export type ProxyMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';

export interface ProxyInput {
  toolkit_slug: string;
  endpoint: string;
  method: ProxyMethod;
  body?: unknown;
  binary_body?: { url: string; content_type?: string } | { base64: string; content_type?: string };
  parameters?: { name: string; value: string; type: 'header' | 'query' }[];
  custom_connection_data?: { authScheme: string; toolkitSlug: string; val: Record<string, unknown> };
}

export interface ProxyResult {
  status: number;
  data?: unknown;
  binary_data?: { url: string; content_type: string; size: number; expires_at: string };
  headers: Record<string, string>;
}

/** Header names as RFC 9110 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BODY_METHODS = new Set<ProxyMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The upstream URL of a request and its path relative to the toolkit's base URL. */
interface Target {
  url: URL;
  relativePath: string;
}

function resolveEndpoint(toolkit: CatalogToolkit, endpoint: string): Target {
  const where = '/body/endpoint';
  const trimmed = endpoint.trim();
  if (trimmed === '') throw badRequest('Invalid endpoint', [`${where}: must not be empty`]);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) throw badRequest('Invalid endpoint', [`${where}: must not contain whitespace or control characters`]);
  const base = new URL(toolkit.base_url);
  const basePath = base.pathname.replace(/\/+$/, '');
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    try {
      url = new URL(trimmed);
    } catch {
      throw badRequest('Invalid endpoint', [`${where}: "${trimmed.slice(0, 200)}" is not a URL`]);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('Invalid endpoint', [`${where}: only http(s) URLs are allowed`]);
    if (url.host !== base.host) {
      throw badRequest(`Endpoint host ${url.host} is not the ${toolkit.slug} API host ${base.host}`, [`${where}: absolute URLs must be on ${base.origin}`], {
        codeName: 'PROXY_REJECTED',
        suggestedFix: `Use a path relative to ${toolkit.base_url}, or a URL on ${base.host}.`,
      });
    }
  } else {
    if (trimmed.startsWith('//')) throw badRequest('Invalid endpoint', [`${where}: a protocol-relative URL is not allowed`]);
    const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
    const segments = path.split(/[?#]/)[0]!.split('/');
    if (segments.some((seg) => seg === '..' || seg.toLowerCase() === '%2e%2e' || seg.toLowerCase() === '.%2e' || seg.toLowerCase() === '%2e.')) {
      throw badRequest('Invalid endpoint', [`${where}: ".." segments are not allowed`]);
    }
    url = new URL(`${base.origin}${basePath}${path}`);
  }
  const relative = url.pathname.startsWith(`${basePath}/`) || url.pathname === basePath ? url.pathname.slice(basePath.length) || '/' : url.pathname;
  return { url, relativePath: relative };
}

function applyParameters(url: URL, parameters: ProxyInput['parameters']): Record<string, string> {
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  (parameters ?? []).forEach((p, i) => {
    if (p.name.trim() === '') errors.push(`/body/parameters/${i}/name: must not be empty`);
    else if (p.type === 'header') {
      if (!HEADER_NAME.test(p.name)) errors.push(`/body/parameters/${i}/name: "${p.name.slice(0, 80)}" is not a valid header name`);
      // eslint-disable-next-line no-control-regex
      if (/[\r\n\u0000]/.test(p.value)) errors.push(`/body/parameters/${i}/value: header values must not contain CR, LF or NUL`);
      headers[p.name.toLowerCase()] = p.value;
    } else url.searchParams.append(p.name, p.value);
  });
  if (errors.length) throw badRequest('Invalid proxy parameters', errors);
  return headers;
}

function checkBody(input: ProxyInput): void {
  const errors: string[] = [];
  if (input.body !== undefined && input.binary_body !== undefined) errors.push('/body: send either body or binary_body, not both');
  if ((input.body !== undefined || input.binary_body !== undefined) && !BODY_METHODS.has(input.method)) {
    errors.push(`/body/method: ${input.method} requests carry no body`);
  }
  const binary = input.binary_body;
  if (binary && 'base64' in binary && !/^[A-Za-z0-9+/]*={0,2}$/.test(binary.base64.replace(/\s/g, ''))) {
    errors.push('/body/binary_body/base64: is not valid base64');
  }
  if (errors.length) throw badRequest('Invalid proxy request', errors);
}

function requireConnection(engine: Engine, ctx: CallContext, sessionId: string, input: ProxyInput, toolkit: CatalogToolkit): void {
  const project = engine.store.project(ctx.apiKey);
  const session = requireSession(project, sessionId);
  if (!isToolkitAllowed(session.config, toolkit.slug)) {
    throw badRequest(`Toolkit ${toolkit.slug} is not enabled in this session`, [`/body/toolkit_slug: "${toolkit.slug}" is excluded by the session's toolkits config`]);
  }
  if (toolkit.is_no_auth) return;
  const custom = input.custom_connection_data;
  if (custom) {
    if (custom.toolkitSlug.toLowerCase() !== toolkit.slug) {
      throw badRequest('custom_connection_data is for another toolkit', [`/body/custom_connection_data/toolkitSlug: must be "${toolkit.slug}"`]);
    }
    return;
  }
  const accounts = usableAccounts(project, session, toolkit.slug);
  if (accounts.length === 0) {
    throw new ApiError(400, 'CONNECTED_ACCOUNT_REQUIRED', `No active connected account for toolkit "${toolkit.slug}" and user "${session.user_id}"`, {
      suggestedFix: `Connect it first (session.authorize("${toolkit.slug}") or COMPOSIO_MANAGE_CONNECTIONS), then retry.`,
    });
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Simulates the upstream call: a fixture answer when one matches, else the generic echo
 * `{ok: true, mock: "generic", method, url, path, query, headers, body?}` with status 200.
 *
 * @example
 * proxyExecute(engine, ctx, 'trs_abc', { toolkit_slug: 'github', endpoint: '/user', method: 'GET' }).data;
 * // { login: 'octocat', ... }
 */
export function proxyExecute(engine: Engine, ctx: CallContext, sessionId: string, input: ProxyInput, fixtures: ProxyFixtureSet = loadProxyFixtures()): ProxyResult {
  const toolkit = engine.catalog.getToolkit(input.toolkit_slug.trim());
  if (!toolkit) {
    // The session is checked first, so a bad session id stays a session error.
    requireSession(engine.store.project(ctx.apiKey), sessionId);
    throw notFound('TOOLKIT_NOT_FOUND', `Toolkit ${input.toolkit_slug} not found`);
  }
  requireConnection(engine, ctx, sessionId, input, toolkit);
  checkBody(input);
  const target = resolveEndpoint(toolkit, input.endpoint);
  const sentHeaders = applyParameters(target.url, input.parameters);
  const matched = matchProxyFixture(fixtures, toolkit.slug, input.method, target.relativePath);
  if (matched?.binary) {
    const headers = { ...matched.headers, 'content-length': String(matched.binary.bytes.byteLength) };
    // HEAD answers as the upstream would: status and headers (the length included), no body,
    // so nothing is stored and no download URL is handed out.
    if (input.method === 'HEAD') return { status: matched.status, headers };
    const binary = storeBinary(engine, ctx, sessionId, matched.binary.bytes, matched.binary.content_type);
    return { status: matched.status, headers, binary_data: binary };
  }
  if (matched) {
    return { status: matched.status, headers: matched.headers, ...(input.method !== 'HEAD' && matched.data !== undefined ? { data: matched.data } : {}) };
  }
  const headers = { 'content-type': 'application/json', 'x-composio-mock-proxy': 'generic' };
  if (input.method === 'HEAD') return { status: 200, headers };
  const echo: Record<string, unknown> = {
    ok: true,
    mock: 'generic',
    method: input.method,
    url: target.url.toString(),
    path: target.relativePath,
    query: queryObject(target.url),
    headers: sentHeaders,
  };
  if (input.body !== undefined) echo.body = input.body;
  if (input.binary_body !== undefined) {
    echo.binary_body = 'base64' in input.binary_body
      ? { content_type: input.binary_body.content_type ?? 'application/octet-stream', size: Buffer.from(input.binary_body.base64, 'base64').byteLength }
      : { content_type: input.binary_body.content_type ?? 'application/octet-stream', url: input.binary_body.url };
  }
  return { status: 200, headers, data: echo };
}
