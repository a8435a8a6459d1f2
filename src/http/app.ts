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
import { stringifyWithShared } from '../engine/shared-json.js';
import { configureConnections } from '../engine/links.js';
import { Random } from '../engine/random.js';
import { type Catalog, CatalogError, loadCatalog } from '../engine/catalog.js';
import { wireToolView } from '../engine/wire-tool.js';
import { loadToolRouterSpec } from '../spec/load-spec.js';
import { authenticate } from './auth.js';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './body.js';
import { handleControlPlane } from './control-plane.js';
import { FaultPlan } from './faults.js';
import { type OperationSpec, operationTable } from './operation-table.js';
import { mockRoutes, type OperationHandler, operationHandlers } from './handlers/index.js';
import { RequestValidator } from './request-validator.js';
import { errorResult, type JsonResult, jsonResult, toResponse } from './respond.js';
import { Router } from './router.js';
import validateTool from '../generated/tool-validator.js';
import { compileDocumentSchema, toViolations } from './schema-registry.js';

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
  /** Injected failures and latency per operation (per-test scenarios); default: an empty plan. */
  faults?: FaultPlan;
}

/** The app plus handles for tests and the control plane. */
export interface MockApp {
  fetch(request: Request): Promise<Response>;
  /**
   * The same as `fetch`, but API answers come back as a plain {@link JsonResult} instead of a
   * `Response` (adapters that write bytes themselves skip building one).
   */
  handle(request: Request): Promise<Response | JsonResult>;
  readonly engine: Engine;
  readonly clock: AdjustableClock;
  /** Scenarios consulted after routing and auth; a full `reset()` clears them. */
  readonly faults: FaultPlan;
  /** Forget one project's state, or every project's. */
  reset(apiKey?: string): void;
}

const API_PREFIX = '/api/';
/** Operations whose answers are mostly catalog schemas (search, tool listings, meta tools): serialized with their shared texts. */
const CATALOG_HEAVY = new Set(['searchTools', 'listSessionTools', 'executeMetaTool']);

/** A HEAD answer carries the GET answer's status and headers, no body. */
function withoutBodyForHead(request: Request, result: JsonResult): JsonResult {
  return request.method === 'HEAD' ? { ...result, text: '' } : result;
}

interface CompiledSpec {
  specs: OperationSpec[];
  validator: RequestValidator;
  router: Router;
}

let compiled: CompiledSpec | undefined;

/** The document's routes and validators: built once per process and shared by every app (they hold no state). */
function compiledSpec(): CompiledSpec {
  if (!compiled) {
    const doc = loadToolRouterSpec() as unknown as Record<string, unknown>;
    const specs = operationTable(doc);
    compiled = { specs, validator: new RequestValidator(specs), router: new Router(specs) };
  }
  return compiled;
}

const catalogs = new Map<string, Catalog>();

/** The catalog is read-only after loading, so apps with the same fixture folders share one. */
function cachedCatalog(fixtureDirs: string[]): Catalog {
  const key = JSON.stringify(fixtureDirs);
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = loadCatalog({ fixtureDirs });
    checkCatalogAgainstDocument(catalog);
    catalogs.set(key, catalog);
  }
  return catalog;
}

/**
 * Every tool the catalog can return must be a valid `Tool` of the API document, checked once at
 * start (the fixture format is checked by the loader; this checks what goes on the wire).
 */
function checkCatalogAgainstDocument(catalog: Catalog): void {
  // Compiled ahead of time from the document (`npm run generate`): nothing to compile at start.
  const check = validateTool as unknown as ValidateFunction;
  const problems: string[] = [];
  for (const tool of catalog.tools) {
    if (check(wireToolView(tool, catalog.getToolkit(tool.toolkit)!))) continue;
    for (const v of toViolations(check.errors, '')) problems.push(`toolkit ${tool.toolkit}, tool ${tool.slug}: ${v.pointer || '/'}: ${v.message}`);
  }
  if (problems.length > 0) throw new CatalogError(problems);
}

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
  const { specs, validator, router } = compiledSpec();
  const clock = options.clock ?? new ShiftableClock();
  const catalog = options.catalog ?? cachedCatalog(options.fixtureDirs ?? []);
  const engine = new Engine({ catalog, clock, seed: options.seed ?? 0 });
  configureConnections(engine, { autoConnect: options.autoConnect === true });
  const handlers: Record<string, OperationHandler> = { ...operationHandlers, ...options.handlers };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const responseChecks = new Map<string, ValidateFunction | null>();
  const responseCheck = (operationId: string): ValidateFunction | null => {
    if (!responseChecks.has(operationId)) {
      const schema = specs.find((s) => s.operationId === operationId)?.responseSchema;
      responseChecks.set(operationId, schema ? compileDocumentSchema(schema) : null);
    }
    return responseChecks.get(operationId)!;
  };
  let requestIds = Random.derive(engine.seed, 'request-ids');
  const faults = options.faults ?? new FaultPlan();
  const startedAt = Date.now();

  const app: MockApp = {
    engine,
    clock,
    faults,
    reset(apiKey) {
      engine.store.reset(apiKey);
      if (apiKey === undefined) {
        requestIds = Random.derive(engine.seed, 'request-ids');
        faults.clear();
      }
    },
    async fetch(request) {
      const result = await app.handle(request);
      return result instanceof Response ? result : toResponse(result);
    },
    async handle(request) {
      const requestId = requestIds.id('req', 16);
      try {
        const url = new URL(request.url);
        if (url.pathname.startsWith('/_mock/')) {
          return await handleControlPlane(request, url, { app, requestId, startedAt, apiKeys: options.apiKeys });
        }
        if (!url.pathname.startsWith(API_PREFIX)) {
          for (const route of mockRoutes) {
            const answered = await route(request, url, engine, { requestId, apiKeys: options.apiKeys });
            if (answered) return answered;
          }
        }
        return withoutBodyForHead(request, await handleApi(request, url, requestId));
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError(500, 'INTERNAL', `Internal mock error: ${(error as Error)?.message ?? String(error)}`);
        return withoutBodyForHead(request, errorResult(failure, requestId));
      }
    },
  };

  async function handleApi(request: Request, url: URL, requestId: string): Promise<JsonResult> {
    // HEAD is GET without the body, as HTTP defines it.
    const match = router.match(request.method === 'HEAD' ? 'GET' : request.method, url.pathname);
    if (match.kind === 'not-found') {
      throw new ApiError(404, 'ROUTE_NOT_FOUND', `No route for ${request.method} ${url.pathname}`, {
        suggestedFix: url.pathname.startsWith(API_PREFIX) ? 'Check the path against the Tool Router Session API v3.1.' : 'API paths start with /api/v3.1/.',
      });
    }
    if (match.kind === 'method-not-allowed') {
      const allowed = match.allowed.includes('GET') ? [...match.allowed, 'HEAD'] : match.allowed;
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${url.pathname}`, {
        suggestedFix: `Allowed: ${allowed.join(', ')}.`,
        headers: { allow: allowed.join(', ') },
      });
    }
    const apiKey = authenticate(request.headers, match.operationId, { apiKeys: options.apiKeys });
    engine.store.project(apiKey).requestCount += 1;
    await faults.apply(match.operationId, request);
    const spec = validator.spec(match.operationId)!;
    const body = spec.bodySchema ? await readJsonBody(request, { maxBytes: maxBodyBytes }) : undefined;
    const input = validator.validate(match.operationId, match.params, url.searchParams, body);
    const handler = handlers[match.operationId];
    if (!handler) throw new ApiError(501, 'INTERNAL', `${match.operationId} is not implemented by this mock yet`);
    const result = await handler(engine, { apiKey, origin: url.origin }, input);
    const check = options.validateResponses ? responseCheck(match.operationId) : null;
    if (check && !check(result)) {
      const lines = toViolations(check.errors, '/response').map((v) => `${v.pointer}: ${v.message}`);
      throw new ApiError(500, 'INTERNAL', `Response of ${match.operationId} does not match the OpenAPI document`, { errors: lines });
    }
    return jsonResult(spec.successStatus, result, requestId, {}, CATALOG_HEAVY.has(match.operationId) ? stringifyWithShared : JSON.stringify);
  }

  return app;
}
