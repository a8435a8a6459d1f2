/**
 * A small test client over a target: JSON in, `{status, headers, body}` out, and every
 * response checked against the OpenAPI document as it passes.
 */
import { expect } from 'vitest';
import { specViolations } from './spec-check.js';
import type { Target } from './targets.js';

export const SESSION_PATH = '/api/v3.1/tool_router/session';

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  /** The operation the call targets; the response is checked against it. */
  operationId?: string;
}

/**
 * @example
 * const api = apiClient(target);
 * const res = await api.call('POST', SESSION_PATH, { body: { user_id: 'u1' }, operationId: 'createSession' });
 */
export function apiClient(target: Target, defaultKey = 'test-key') {
  async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? defaultKey : options.key;
    if (key !== null) headers['x-api-key'] = key;
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await target.fetch(`${target.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (options.operationId) {
      expect(specViolations(options.operationId, res.status, res.headers, parsed), `${method} ${path} -> ${res.status}`).toEqual([]);
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  return {
    call,
    createSession: (body: Record<string, unknown> = { user_id: 'user-1' }) => call('POST', SESSION_PATH, { body, operationId: 'createSession' }),
  };
}
