import type { Engine } from '../../engine/engine.js';
import type { CallContext } from '../../engine/types.js';
import type { ValidatedInput } from '../request-validator.js';

/**
 * Operation id -> engine call. A handler only unpacks validated input and calls the engine;
 * the status comes from the document's success response.
 */
export type OperationHandler = (engine: Engine, ctx: CallContext, input: ValidatedInput) => unknown;

/**
 * Routes the mock serves besides the API: the URLs it hands out (Connect pages, presigned
 * file URLs). Answers `undefined` when the request is not one of its own.
 */
export type MockRoute = (
  request: Request,
  url: URL,
  engine: Engine,
  extra: MockRouteContext,
) => Promise<Response | undefined> | Response | undefined;

/** What a mock-served route may need beyond the engine. */
export interface MockRouteContext {
  /** The request id the app assigned (also in `x-request-id`). */
  requestId: string;
  /** The keys the app accepts (`--api-key`), for routes that authenticate like the API. */
  apiKeys: readonly string[] | undefined;
}
