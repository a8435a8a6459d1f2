/**
 * The engine's one error type. Every failure the API can answer with is an `ApiError`;
 * the HTTP edge turns it into the real error envelope, so the engine never builds a
 * response itself (moto's models/responses split).
 */

/**
 * Numeric platform codes carried in `error.code`. Only 1803 (connected account not found)
 * is documented by the real service; the others are the mock's choice, stable and unique
 * so that clients can branch on them.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 1400,
  MALFORMED_JSON: 1401,
  UNSUPPORTED_MEDIA_TYPE: 1415,
  PAYLOAD_TOO_LARGE: 1413,
  UNAUTHORIZED: 1101,
  MULTIPLE_AUTH_MODES: 1102,
  FORBIDDEN: 1103,
  ROUTE_NOT_FOUND: 1404,
  METHOD_NOT_ALLOWED: 1405,
  SESSION_NOT_FOUND: 1501,
  TOOLKIT_NOT_FOUND: 1601,
  TOOL_NOT_FOUND: 1602,
  AUTH_CONFIG_NOT_FOUND: 1603,
  INVALID_SESSION_CONFIG: 1502,
  CONFLICT: 1409,
  CONNECTED_ACCOUNT_NOT_FOUND: 1803,
  CONNECTED_ACCOUNT_REQUIRED: 1804,
  ACCOUNT_SELECTION_REQUIRED: 1805,
  LINK_INVALID: 1806,
  LINK_EXPIRED: 1807,
  LINK_USED: 1808,
  ACCOUNT_LIMIT_REACHED: 1809,
  MOUNT_NOT_FOUND: 1903,
  PROXY_REJECTED: 1810,
  FILE_NOT_FOUND: 1901,
  SIGNATURE_INVALID: 1902,
  RATE_LIMITED: 1429,
  INTERNAL: 1500,
  INJECTED_FAULT: 1999,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** Options beyond status, code and message. */
export interface ApiErrorDetails {
  /** One line per violation, each naming where it is (`/body/user_id: is required`). */
  errors?: string[];
  suggestedFix?: string;
  /** Extra response headers, e.g. `retry-after` on 429. */
  headers?: Record<string, string>;
}

/**
 * A failure with its HTTP status and platform code.
 *
 * @example
 * throw new ApiError(404, 'SESSION_NOT_FOUND', `Session trs_abc not found`);
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly codeName: ErrorCodeName;
  readonly errors: string[] | undefined;
  readonly suggestedFix: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, codeName: ErrorCodeName, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.codeName = codeName;
    this.code = ErrorCode[codeName];
    this.errors = details.errors;
    this.suggestedFix = details.suggestedFix;
    this.headers = details.headers;
  }
}

/**
 * A 400 listing every violation at once (prism's habit: report all, not the first).
 *
 * @example
 * throw badRequest('Invalid session config', ['/toolkits/enable/0: unknown toolkit "nope"']);
 */
export function badRequest(
  message: string,
  errors?: string[],
  options: { codeName?: ErrorCodeName; suggestedFix?: string } = {},
): ApiError {
  return new ApiError(400, options.codeName ?? 'VALIDATION_FAILED', message, {
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(options.suggestedFix ? { suggestedFix: options.suggestedFix } : {}),
  });
}

/**
 * A 404 for a resource the caller's project does not have.
 *
 * @example
 * throw notFound('SESSION_NOT_FOUND', 'Session trs_x not found');
 */
export function notFound(codeName: ErrorCodeName, message: string, suggestedFix?: string): ApiError {
  return new ApiError(404, codeName, message, suggestedFix ? { suggestedFix } : {});
}
