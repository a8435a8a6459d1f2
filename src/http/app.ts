/**
 * `createApp(options)`: the whole mock as one web-standard function,
 * `(request: Request) => Promise<Response>`. The node server, the MSW handlers and tests
 * all call the same function (hono's contract).
 *
 * Stages, in order: control plane -> match operation -> authenticate -> read and validate
 * the request -> engine -> serialise (and, in test mode, validate the response).
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { type AdjustableClock, ShiftableClock } from '../engine/clock.js';
import { Engine } from '../engine/engine.js';
import { ApiError } from '../engine/errors.js';
import { configureConnections } from '../engine/links.js';
import { Random } from '../engine/random.js';
import { type Catalog, loadCatalog } from '../engine/catalog.js';
import { loadToolRouterSpec } from '../spec/load-spec.js';
import { authenticate } from './auth.js';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './body.js';
import { handleControlPlane } from './control-plane.js';
import { operationTable } from './operation-table.js';
import { mockRoutes, type OperationHandler, operationHandlers } from './handlers/index.js';
import { RequestValidator } from './request-validator.js';
import { errorResponse, jsonResponse } from './respond.js';
import { Router } from './router.js';
import { SchemaRegistry, toViolations } from './schema-registry.js';

export interface AppOptions {
  /** Fixes every generated id and value (default 0). */
  seed?: number | string;
  /** Where time comes from; default: wall-clock time that `/_mock/clock` can move. */
  clock?: AdjustableClock;
  /** The tool catalog; default: the built-in fixtures plus `fixtureDirs`. */
  catalog?: Catalog;
  /** Extra fixture folders (`--fixtures DIR`). */
  fixtureDirs?: string[];
  /** Accept only these API keys (`--api-key`); default: any key, each its own project. */
  apiKeys?: string[];
  /** Request body cap in bytes; larger bodies are 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Check every success response against the document and answer 500 on a mismatch (tests). */
  validateResponses?: boolean;
  /** `serve --auto-connect`: new Connect links make their account ACTIVE at once (no page needed). */
  autoConnect?: boolean;
  /** Extra operation handlers (later capabilities register theirs here). */
  handlers?: Record<string, OperationHandler>;
}

/** The app plus handles for tests and the control plane. */
export interface MockApp {
  fetch(request: Request): Promise<Response>;
  readonly engine: Engine;
  readonly clock: AdjustableClock;
  /** Forget one project's state, or every project's. */
  reset(apiKey?: string): void;
}

const API_PREFIX = '/api/';

/**
 * @example
 * const app = createApp({ seed: 1 });
 * const res = await app.fetch(new Request('http://127.0.0.1:4010/api/v3.1/tool_router/session', {
 *   method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
 *   body: JSON.stringify({ user_id: 'u1' }),
 * }));
 * res.status; // 201
 */
export function createApp(options: AppOptions = {}): MockApp {
  const doc = loadToolRouterSpec() as Record<string, unknown>;
  const specs = operationTable(doc);
  const registry = new SchemaRegistry(doc, 'tool-router');
  const validator = new RequestValidator(specs, registry);
  const router = new Router(specs);
  const clock = options.clock ?? new ShiftableClock();
  const catalog = options.catalog ?? loadCatalog({ fixtureDirs: options.fixtureDirs ?? [] });
  const engine = new Engine({ catalog, clock, seed: options.seed ?? 0 });
  configureConnections(engine, { autoConnect: options.autoConnect === true });
  const handlers: Record<string, OperationHandler> = { ...operationHandlers, ...options.handlers };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const responseChecks = new Map<string, ValidateFunction>();
  if (options.validateResponses) {
    for (const spec of specs) if (spec.responseSchema) responseChecks.set(spec.operationId, registry.compile(spec.responseSchema));
  }
  let requestIds = Random.derive(engine.seed, 'request-ids');
  const startedAt = Date.now();

  const app: MockApp = {
    engine,
    clock,
    reset(apiKey) {
      engine.store.reset(apiKey);
      if (apiKey === undefined) requestIds = Random.derive(engine.seed, 'request-ids');
    },
    async fetch(request) {
      const requestId = requestIds.id('req', 16);
      try {
        const url = new URL(request.url);
        if (url.pathname.startsWith('/_mock/')) {
          return await handleControlPlane(request, url, { app, requestId, startedAt });
        }
        if (!url.pathname.startsWith(API_PREFIX)) {
          for (const route of mockRoutes) {
            const answered = await route(request, url, engine);
            if (answered) return answered;
          }
        }
        return await handleApi(request, url, requestId);
      } catch (error) {
        if (error instanceof ApiError) return errorResponse(error, requestId);
        return errorResponse(new ApiError(500, 'INTERNAL', `Internal mock error: ${(error as Error)?.message ?? String(error)}`), requestId);
      }
    },
  };

  async function handleApi(request: Request, url: URL, requestId: string): Promise<Response> {
    const match = router.match(request.method, url.pathname);
    if (match.kind === 'not-found') {
      throw new ApiError(404, 'ROUTE_NOT_FOUND', `No route for ${request.method} ${url.pathname}`, {
        suggestedFix: url.pathname.startsWith(API_PREFIX) ? 'Check the path against the Tool Router Session API v3.1.' : 'API paths start with /api/v3.1/.',
      });
    }
    if (match.kind === 'method-not-allowed') {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${url.pathname}`, {
        suggestedFix: `Allowed: ${match.allowed.join(', ')}.`,
        headers: { allow: match.allowed.join(', ') },
      });
    }
    const apiKey = authenticate(request.headers, match.operationId, { apiKeys: options.apiKeys });
    engine.store.project(apiKey).requestCount += 1;
    const spec = validator.spec(match.operationId)!;
    const body = spec.bodySchema ? await readJsonBody(request, { maxBytes: maxBodyBytes }) : undefined;
    const input = validator.validate(match.operationId, match.params, url.searchParams, body);
    const handler = handlers[match.operationId];
    if (!handler) throw new ApiError(501, 'INTERNAL', `${match.operationId} is not implemented by this mock yet`);
    const result = await handler(engine, { apiKey, origin: url.origin }, input);
    const check = responseChecks.get(match.operationId);
    if (check && !check(result)) {
      const lines = toViolations(check.errors, '/response').map((v) => `${v.pointer}: ${v.message}`);
      throw new ApiError(500, 'INTERNAL', `Response of ${match.operationId} does not match the OpenAPI document`, { errors: lines });
    }
    return jsonResponse(spec.successStatus, result, requestId);
  }

  return app;
}
