/**
 * Callback URLs: where the Connect page sends the browser after the user answers. Only
 * absolute http(s) URLs are accepted (mock's choice, docs/connections-and-files.md): anything
 * else is either a script the page would redirect into (`javascript:`, `data:`), a scheme no
 * browser flow uses (`ftp:`), or a value the mock would have to guess about (relative,
 * protocol-relative, malformed), so it is refused when given instead of dropped at approval.
 */

/** Longer callbacks are refused: browsers and proxies cut URLs around this size. */
export const MAX_CALLBACK_URL_LENGTH = 2048;

/**
 * Why `value` is not usable as a callback URL, or undefined when it is.
 *
 * @example
 * callbackUrlProblem('https://app.example.com/cb?x=1'); // undefined
 * callbackUrlProblem('javascript:alert(1)'); // 'must be an absolute http(s) URL, got "javascript:alert(1)"'
 */
export function callbackUrlProblem(value: string): string | undefined {
  const shown = JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (value.length > MAX_CALLBACK_URL_LENGTH) return `must be at most ${MAX_CALLBACK_URL_LENGTH} characters`;
  // `new URL` strips leading/trailing spaces and control characters and drops tabs and
  // newlines inside, so " javascript:…" would slip through a parse-only check.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return `must be an absolute http(s) URL without spaces or control characters, got ${shown}`;
  // `http:example.com` parses as http://example.com/; require the two slashes and a host.
  if (!/^https?:\/\/[^/?#]/i.test(value)) return `must be an absolute http(s) URL, got ${shown}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute http(s) URL, got ${shown}`;
  }
  if (url.hostname === '') return `must be an absolute http(s) URL with a host, got ${shown}`;
  return undefined;
}
