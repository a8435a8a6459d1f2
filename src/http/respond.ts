/**
 * Building responses: JSON with the right headers, and the API's error envelope.
 */
import type { ApiError } from '../engine/errors.js';

/** The error envelope body (reference 8.1). */
export interface ErrorEnvelope {
  error: {
    message: string;
    code: number;
    status: number;
    request_id: string;
    suggested_fix?: string;
    errors?: string[];
  };
}

/**
 * @example
 * jsonResponse(200, { ok: true }, 'req_1');
 */
export function jsonResponse(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return toResponse(jsonResult(status, body, requestId, headers));
}

/**
 * The envelope for an ApiError.
 *
 * @example
 * errorBody(new ApiError(404, 'SESSION_NOT_FOUND', 'gone'), 'req_1').error.status; // 404
 */
export function errorBody(error: ApiError, requestId: string): ErrorEnvelope {
  const body: ErrorEnvelope = {
    error: { message: error.message, code: error.code, status: error.status, request_id: requestId },
  };
  if (error.suggestedFix) body.error.suggested_fix = error.suggestedFix;
  if (error.errors && error.errors.length > 0) body.error.errors = error.errors;
  return body;
}

/**
 * @example
 * errorResponse(new ApiError(401, 'UNAUTHORIZED', 'Missing x-api-key'), 'req_1').status; // 401
 */
export function errorResponse(error: ApiError, requestId: string): Response {
  return toResponse(errorResult(error, requestId));
}

/**
 * A JSON answer not yet wrapped in a `Response`. The node adapter writes it as is: building a
 * `Response` with a string body costs more than the whole engine call on Node 20.
 */
export interface JsonResult {
  readonly kind: 'json';
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/**
 * @param serialize `JSON.stringify`, or `stringifyWithShared` for bodies made mostly of catalog
 * schemas (search, tool listings, meta tools), whose text is serialized once and reused.
 * @example
 * jsonResult(200, { ok: true }, 'req_1').text; // '{"ok":true}'
 */
export function jsonResult(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
  serialize: (body: unknown) => string = JSON.stringify,
): JsonResult {
  return { kind: 'json', status, headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers }, text: serialize(body) };
}

/**
 * @example
 * errorResult(new ApiError(404, 'SESSION_NOT_FOUND', 'gone'), 'req_1').status; // 404
 */
export function errorResult(error: ApiError, requestId: string): JsonResult {
  return jsonResult(error.status, errorBody(error, requestId), requestId, error.headers ?? {});
}

/**
 * @example
 * toResponse(jsonResult(201, { id: 1 }, 'req_1')).status; // 201
 */
export function toResponse(result: JsonResult): Response {
  return new Response(result.text, { status: result.status, headers: result.headers });
}
