/**
 * Telling composio-mock from any other deployment, so checks of the mock's own conventions
 * (`x-request-id` on every response, the Connect page) apply only where they are promised.
 */
import type { HttpClient } from './http-client.js';
import type { TargetInfo } from './types.js';

/**
 * `composio-mock` when `GET /_mock/health` answers `{status: 'ok', version}`; `remote` for
 * anything else (a real deployment answers that path with 404). Throws the transport error
 * when the target cannot be reached at all.
 *
 * @example
 * const target = await detectTarget(http, 'http://127.0.0.1:4010'); // { kind: 'composio-mock', ... }
 */
export async function detectTarget(http: HttpClient, baseUrl: string): Promise<TargetInfo> {
  const res = await http.send(`${baseUrl.replace(/\/+$/, '')}/_mock/health`, { method: 'GET', headers: { accept: 'application/json' } });
  if (res.status === 200) {
    try {
      const body = JSON.parse(res.text) as { status?: unknown; version?: unknown };
      if (body.status === 'ok' && typeof body.version === 'string') return { baseUrl, kind: 'composio-mock', version: body.version };
    } catch {
      // Not JSON: not the mock.
    }
  }
  return { baseUrl, kind: 'remote' };
}
