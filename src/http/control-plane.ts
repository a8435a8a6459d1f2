/**
 * The mock's own endpoints under `/_mock/` (openapi/control-plane.yaml): health, reset,
 * a read-only view of a project's state, and the clock. Endpoints that name a project
 * (`state`, `connected_accounts`, a `reset` with `api_key`) refuse a key outside `--api-key`
 * with 401, as the API does. Never confused with API paths,
 * which all start with `/api/`.
 */
import { createActiveAccount } from '../engine/connected-accounts.js';
import { ApiError, badRequest } from '../engine/errors.js';
import type { MockApp } from './app.js';
import { readJsonBody } from './body.js';
import { FILE_TRANSFER_PREFIX } from '../engine/files.js';
import { serveFileTransfer } from './file-transfer.js';
import { faultRoutes } from './fault-routes.js';
import { jsonResponse } from './respond.js';
import { projectState } from './state-view.js';

const VERSION = '0.1.0';

export interface ControlPlaneContext {
  app: MockApp;
  requestId: string;
  startedAt: number;
  /** `--api-key` / the `apiKeys` app option: the only projects there are; undefined = any key. */
  apiKeys?: readonly string[] | undefined;
}

/**
 * A project key given to the control plane must be one the API accepts: otherwise the view
 * or the account would belong to a project no API call can ever reach.
 */
function assertKnownKey(key: string, ctx: ControlPlaneContext): void {
  if (ctx.apiKeys && !ctx.apiKeys.includes(key)) {
    throw new ApiError(401, 'UNAUTHORIZED', 'Invalid API key.', { suggestedFix: 'Use one of the keys the mock was started with (--api-key).' });
  }
}

function projectKey(request: Request, ctx: ControlPlaneContext): string {
  const key = (request.headers.get('x-api-key') ?? '').trim();
  if (!key) throw badRequest('Name the project with the x-api-key header', ['/header/x-api-key: is required']);
  assertKnownKey(key, ctx);
  return key;
}

async function objectBody(request: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, { maxBytes: 64 * 1024 });
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request validation failed', ['/body: must be an object']);
  return body as Record<string, unknown>;
}

type Route = (request: Request, ctx: ControlPlaneContext) => Promise<Response> | Response;

const routes: Record<string, Record<string, Route>> = {
  '/_mock/health': {
    GET: (_request, ctx) => jsonResponse(200, { status: 'ok', version: VERSION, uptime_ms: Date.now() - ctx.startedAt }, ctx.requestId),
  },
  '/_mock/reset': {
    POST: async (request, ctx) => {
      const body = await objectBody(request);
      if (body.api_key !== undefined && (typeof body.api_key !== 'string' || body.api_key === '')) {
        throw badRequest('Request validation failed', ['/body/api_key: must be a non-empty string']);
      }
      if (typeof body.api_key === 'string') assertKnownKey(body.api_key, ctx);
      ctx.app.reset(body.api_key as string | undefined);
      return jsonResponse(200, { reset: body.api_key === undefined ? 'all' : 'project' }, ctx.requestId);
    },
  },
  '/_mock/state': {
    GET: (request, ctx) => {
      const key = projectKey(request, ctx);
      const project = ctx.app.engine.store.peek(key);
      return jsonResponse(200, { project: projectState(project, key) }, ctx.requestId);
    },
  },
  '/_mock/connected_accounts': {
    POST: async (request, ctx) => {
      const key = projectKey(request, ctx);
      const body = await objectBody(request);
      const errors: string[] = [];
      for (const field of ['user_id', 'toolkit'] as const) {
        if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') errors.push(`/body/${field}: must be a non-empty string`);
      }
      if (body.alias !== undefined && typeof body.alias !== 'string') errors.push('/body/alias: must be a string');
      if (errors.length) throw badRequest('Request validation failed', errors);
      const input = { user_id: body.user_id as string, toolkit: body.toolkit as string, ...(body.alias !== undefined ? { alias: body.alias as string } : {}) };
      const origin = new URL(request.url).origin;
      return jsonResponse(201, createActiveAccount(ctx.app.engine, { apiKey: key, origin }, input), ctx.requestId);
    },
  },
  '/_mock/faults': faultRoutes,
  '/_mock/clock': {
    GET: (_request, ctx) => jsonResponse(200, { now: ctx.app.clock.now().toISOString() }, ctx.requestId),
    POST: async (request, ctx) => {
      const body = await objectBody(request);
      const errors: string[] = [];
      if (body.advance_ms !== undefined && (typeof body.advance_ms !== 'number' || !Number.isFinite(body.advance_ms) || body.advance_ms < 0)) {
        errors.push('/body/advance_ms: must be a non-negative number');
      }
      if (body.set !== undefined && (typeof body.set !== 'string' || Number.isNaN(Date.parse(body.set)))) {
        errors.push('/body/set: must be an ISO date-time');
      }
      if (errors.length) throw badRequest('Request validation failed', errors);
      if (typeof body.set === 'string') ctx.app.clock.set(body.set);
      if (typeof body.advance_ms === 'number') ctx.app.clock.advance(body.advance_ms);
      return jsonResponse(200, { now: ctx.app.clock.now().toISOString() }, ctx.requestId);
    },
  },
};

/**
 * @example
 * await handleControlPlane(new Request('http://x/_mock/health'), new URL('http://x/_mock/health'), ctx);
 */
export async function handleControlPlane(request: Request, url: URL, ctx: ControlPlaneContext): Promise<Response> {
  if (url.pathname.startsWith(FILE_TRANSFER_PREFIX)) return serveFileTransfer(request, url, ctx.app.engine, ctx.requestId);
  const methods = routes[url.pathname.replace(/\/$/, '')];
  if (!methods) throw new ApiError(404, 'ROUTE_NOT_FOUND', `No control-plane route ${url.pathname}`);
  const route = methods[request.method.toUpperCase()];
  if (!route) {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${url.pathname}`, {
      headers: { allow: Object.keys(methods).join(', ') },
    });
  }
  return route(request, ctx);
}
