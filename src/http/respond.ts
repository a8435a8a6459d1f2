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
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
  });
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
  return jsonResponse(error.status, errorBody(error, requestId), requestId, error.headers ?? {});
}
