/**
 * Authentication as the real API does it: exactly one credential header; `x-api-key` for
 * every operation, `x-user-api-key` also for proxy_execute. Each distinct key is a project.
 */
import { ApiError } from '../engine/errors.js';

const SCHEMES = [
  { header: 'x-api-key', name: 'ApiKeyAuth' },
  { header: 'x-user-api-key', name: 'UserApiKeyAuth' },
  { header: 'x-org-api-key', name: 'OrgApiKeyAuth' },
] as const;

/** Operations that also accept a user API key (the client's operation table). */
const USER_KEY_OPERATIONS = new Set(['proxyExecute']);

export interface AuthOptions {
  /** When set, only these keys are accepted; others are 401. */
  apiKeys?: readonly string[] | undefined;
}

/**
 * The project key of a request, or a 401 in the API's words.
 *
 * @example
 * authenticate(request.headers, 'getSession', {}); // 'my-key'
 */
export function authenticate(headers: Headers, operationId: string, options: AuthOptions): string {
  const present = SCHEMES.filter((s) => (headers.get(s.header) ?? '').trim() !== '');
  if (present.length > 1) {
    throw new ApiError(
      401,
      'MULTIPLE_AUTH_MODES',
      `Multiple authentication modes were provided. Provide exactly one authentication mode per request. Provided: ${present
        .map((s) => `${s.name} via ${s.header}`)
        .join(', ')}.`,
      { suggestedFix: 'Send only the x-api-key header.' },
    );
  }
  const scheme = present[0];
  if (!scheme) {
    throw new ApiError(401, 'UNAUTHORIZED', 'Authentication required: send your project API key in the x-api-key header.', {
      suggestedFix: 'Set the x-api-key header (COMPOSIO_API_KEY for the SDK).',
    });
  }
  if (scheme.header === 'x-org-api-key' || (scheme.header === 'x-user-api-key' && !USER_KEY_OPERATIONS.has(operationId))) {
    throw new ApiError(401, 'UNAUTHORIZED', `${scheme.name} via ${scheme.header} is not accepted by this operation; use x-api-key.`, {
      suggestedFix: 'Send your project API key in the x-api-key header.',
    });
  }
  const key = headers.get(scheme.header)!.trim();
  if (options.apiKeys && !options.apiKeys.includes(key)) {
    throw new ApiError(401, 'UNAUTHORIZED', 'Invalid API key.', { suggestedFix: 'Use one of the keys the mock was started with (--api-key).' });
  }
  return key;
}
