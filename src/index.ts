/**
 * composio-mock: a stateful mock of Composio's Tool Router Session API v3.1.
 *
 * The package's root entry: the app (a web-standard `fetch` function), the node server, the
 * clocks that make runs deterministic, the catalog loader and the OpenAPI documents. MSW
 * handlers live at `composio-mock/msw`, the contract suite at `composio-mock/contracts`.
 *
 * @example
 * import { startServer, ManualClock } from 'composio-mock';
 *
 * const server = await startServer({ port: 0, seed: 1, clock: new ManualClock('2026-01-01T00:00:00Z') });
 * process.env.COMPOSIO_BASE_URL = server.url;
 * // ... run the app under test with @composio/core ...
 * await server.close();
 */
export { type AppOptions, createApp, type MockApp } from './http/app.js';
export { type RunningServer, type ServeOptions, startServer } from './server.js';
export { type AdjustableClock, type Clock, ManualClock, ShiftableClock, systemClock } from './engine/clock.js';
export { type Catalog, CatalogError, loadCatalog, type LoadCatalogOptions } from './engine/catalog.js';
export type { CatalogTool, CatalogToolkit, JsonSchema, ToolTag } from './engine/catalog-types.js';
export { ApiError, ErrorCode, type ErrorCodeName } from './engine/errors.js';
export { FaultPlan } from './http/faults.js';
export { loadControlPlaneSpec, loadToolRouterSpec, type OpenApiDocument } from './spec/load-spec.js';
export { createSpecValidator, schemaRef, type SpecValidator } from './spec/compile.js';
export type { ErrorEnvelope, OperationId, PathParams, QueryParams, RequestBody, Schemas, SuccessResponse } from './openapi-types.js';
