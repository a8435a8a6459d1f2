/**
 * Keeping the API key out of every report. Credential headers are replaced by name; the key
 * itself is replaced wherever it appears as a whole token (also URL-encoded), so a server that
 * echoes it does not leak it into CI logs either.
 */

/** Headers that carry credentials: their values never reach a report. */
export const CREDENTIAL_HEADERS = new Set(['x-api-key', 'x-user-api-key', 'x-org-api-key', 'authorization', 'cookie', 'set-cookie']);

export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that replaces each secret by `[redacted]`. A secret is matched as a whole token
 * (not inside a longer word), so a short test key such as `any` does not mangle "many".
 *
 * @example
 * const redact = createRedactor(['sk_live_123']);
 * redact('key=sk_live_123'); // 'key=[redacted]'
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  if (variants.size === 0) return (text) => text;
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9_\\-])(?:${alternatives.join('|')})(?![A-Za-z0-9_\\-])`, 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * Headers as a plain object, credential values replaced.
 *
 * @example
 * redactHeaders(new Headers({ 'x-api-key': 'k', accept: 'application/json' }));
 * // { 'x-api-key': '[redacted]', accept: 'application/json' }
 */
export function redactHeaders(headers: Headers | Record<string, string>, redact: (text: string) => string = (t) => t): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    out[key] = CREDENTIAL_HEADERS.has(key) ? REDACTED : redact(value);
  }
  return out;
}

/**
 * A deep copy of `value` with `redact` applied to every string (keys included).
 *
 * @example
 * redactDeep({ message: 'bad key sk_1' }, createRedactor(['sk_1'])); // { message: 'bad key [redacted]' }
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[redact(key)] = redactDeep(child, redact);
    return out as T;
  }
  return value;
}
