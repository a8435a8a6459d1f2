/**
 * Which origins the MSW handlers answer for: the real service's by default, so an app under
 * test needs no configuration, plus any the caller names.
 */

/**
 * Production and staging, as `@composio/core` and `@composio/client` default to them.
 *
 * @example
 * DEFAULT_BASE_URLS[0]; // 'https://backend.composio.dev'
 */
export const DEFAULT_BASE_URLS = ['https://backend.composio.dev', 'https://staging-backend.composio.dev'] as const;

/**
 * The origins to intercept: the defaults, then `extra` (deduplicated, in order). A base URL
 * with a path is refused: the mock serves the API at `/api/...` of an origin, and the URLs
 * it hands out (Connect pages, presigned file URLs) are on the bare origin.
 *
 * @example
 * interceptedOrigins('http://localhost:9900/');
 * // ['http://localhost:9900', 'https://backend.composio.dev', 'https://staging-backend.composio.dev']
 */
export function interceptedOrigins(extra: string | readonly string[] | undefined): string[] {
  const given = extra === undefined ? [] : typeof extra === 'string' ? [extra] : [...extra];
  const origins: string[] = [];
  for (const raw of [...given, ...DEFAULT_BASE_URLS]) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new TypeError(`composio-mock: baseUrl ${JSON.stringify(raw)} is not an absolute URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`composio-mock: baseUrl ${JSON.stringify(raw)} must be http(s)`);
    }
    if (url.pathname !== '/' || url.search || url.hash) {
      throw new TypeError(`composio-mock: baseUrl ${JSON.stringify(raw)} must be an origin (no path, query or hash), e.g. ${url.origin}`);
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}
