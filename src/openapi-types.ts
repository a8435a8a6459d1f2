/**
 * Hand-written conveniences over the types generated from `openapi/tool-router.v3.1.yaml`
 * (src/generated stays 100 % generated). Everything here is derived from `operations`, so it
 * follows the document automatically after `npm run generate`.
 */
import type { components, operations, paths } from './generated/tool-router.js';

export type { components, operations, paths };
export type {
  components as ControlPlaneComponents,
  operations as ControlPlaneOperations,
  paths as ControlPlanePaths,
} from './generated/control-plane.js';

/**
 * Every named schema of the API document.
 *
 * @example
 * const session: Schemas['Session'] = await res.json();
 */
export type Schemas = components['schemas'];

/**
 * The operationIds of the API document (`createSession`, `listSessionTools`, ...).
 *
 * @example
 * const id: OperationId = 'executeTool';
 */
export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/**
 * The JSON request body of an operation (`never` for operations without a body).
 *
 * @example
 * const body: RequestBody<'createSession'> = { user_id: 'user_42' };
 */
export type RequestBody<Op extends OperationId> = JsonContent<NonNullable<operations[Op]['requestBody']>>;

/** The documented 2xx status codes of an operation. */
export type SuccessStatus<Op extends OperationId> = Extract<keyof operations[Op]['responses'], 200 | 201 | 202 | 204>;

/**
 * The JSON body of an operation's success (2xx) response.
 *
 * @example
 * const page: SuccessResponse<'listSessionTools'> = { items: [], total_pages: 0, current_page: 1, total_items: 0 };
 */
export type SuccessResponse<Op extends OperationId> = JsonContent<operations[Op]['responses'][SuccessStatus<Op>]>;

/**
 * The query parameters of an operation (`never` when it has none).
 *
 * @example
 * const query: QueryParams<'listSessionToolkits'> = { limit: 20, toolkits: ['github'] };
 */
export type QueryParams<Op extends OperationId> = NonNullable<operations[Op]['parameters']['query']>;

/**
 * The path parameters of an operation (`never` when it has none).
 *
 * @example
 * const params: PathParams<'listMountItems'> = { session_id: 'trs_LX9uJKBinWWr', mount_id: 'files' };
 */
export type PathParams<Op extends OperationId> = NonNullable<operations[Op]['parameters']['path']>;

/**
 * The error body every operation answers with on 4xx/5xx.
 *
 * @example
 * const err: ErrorEnvelope = { error: { message: 'Session trs_x not found', code: 1501, status: 404 } };
 */
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
