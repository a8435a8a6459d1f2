/**
 * Seeding helpers: put a project in a known state before a test, through the engine (typed
 * values, no HTTP round trip, no request counted) where the engine offers the operation, and
 * through the app in-process otherwise (files: the same upload_url + PUT flow a client uses,
 * exempt from scenarios so a queued failure is never consumed by seeding).
 */
import { createActiveAccount } from '../src/engine/connected-accounts.js';
import { createSession, type CreateSessionInput } from '../src/engine/sessions.js';
import type { MockApp } from '../src/http/app.js';
import { ApiError } from '../src/engine/errors.js';
import type { RequestBody, Schemas, SuccessResponse } from '../src/openapi-types.js';
import { sharedSpecValidator } from '../src/spec/compile.js';

/** A seeding call the mock refused, with the API's error envelope fields. */
export class SeedError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  readonly errors: readonly string[];

  constructor(what: string, status: number, error: { message?: string; code?: number; errors?: string[] } | undefined) {
    const errors = error?.errors ?? [];
    super(`composio-mock ${what}: ${status} ${error?.message ?? ''}${errors.length ? ` (${errors.join('; ')})` : ''}`.trim());
    this.name = 'SeedError';
    this.status = status;
    this.code = error?.code;
    this.errors = errors;
  }
}

/** `seed.connectedAccount` input: an ACTIVE private account for a user and toolkit. */
export interface SeedConnectedAccountInput {
  user_id: string;
  /** Toolkit slug from the catalog (`github`); it must need auth. */
  toolkit: string;
  /** Unique per user and toolkit. */
  alias?: string;
}

/** `seed.file` input. */
export interface SeedFileInput {
  /** Path inside the mount (`reports/q1.csv`). */
  path: string;
  content: string | Uint8Array | ArrayBuffer | Blob;
  /** Sent as the upload's content type; default `application/octet-stream` (`text/plain` for a string). */
  mimetype?: string;
  /** Default `files`, the mount `@composio/core` uses. */
  mountId?: string;
}

/** What `seed.file` stored. */
export interface SeededFile {
  mount_id: string;
  mount_relative_path: string;
  sandbox_mount_prefix: string;
  size: number;
  mimetype: string;
}

/** The session view, exactly as `POST /api/v3.1/tool_router/session` answers it. */
export type SeededSession = SuccessResponse<'createSession'>;
/** The account, as `GET /api/v3.1/connected_accounts/{id}` answers it. */
export type SeededConnectedAccount = Schemas['ConnectedAccount'];

/** Seeding helpers bound to one mock instance. */
export interface SeedHelpers {
  /**
   * Creates a session for `apiKey`'s project.
   *
   * @example
   * const { session_id } = await mock.seed.session('test-key', { user_id: 'alice', toolkits: { enable: ['github'] } });
   */
  session(apiKey: string, body: RequestBody<'createSession'>): Promise<SeededSession>;
  /**
   * Creates an ACTIVE connected account, skipping the Connect page.
   *
   * @example
   * const account = await mock.seed.connectedAccount('test-key', { user_id: 'alice', toolkit: 'github' });
   * account.status; // 'ACTIVE'
   */
  connectedAccount(apiKey: string, input: SeedConnectedAccountInput): Promise<SeededConnectedAccount>;
  /**
   * Stores a file in a session's mount.
   *
   * @example
   * await mock.seed.file('test-key', session_id, { path: 'notes/todo.txt', content: 'buy milk' });
   */
  file(apiKey: string, sessionId: string, input: SeedFileInput): Promise<SeededFile>;
}

/** JSON round trip: the caller gets exactly what the wire would carry, detached from the store. */
function wire<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function requireKey(apiKey: string): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') throw new TypeError('composio-mock seed: apiKey must be a non-empty string');
  return apiKey.trim();
}

async function readError(response: Response): Promise<{ message?: string; code?: number; errors?: string[] } | undefined> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { error?: { message?: string; code?: number; errors?: string[] } }).error;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

function toBody(content: SeedFileInput['content']): { body: BodyInit; size: number; textual: boolean } {
  if (typeof content === 'string') return { body: content, size: new TextEncoder().encode(content).byteLength, textual: true };
  if (content instanceof ArrayBuffer) return { body: content, size: content.byteLength, textual: false };
  if (content instanceof Uint8Array) return { body: content as Uint8Array<ArrayBuffer>, size: content.byteLength, textual: false };
  return { body: content, size: content.size, textual: false };
}

/** The same shape rules as `POST /api/v3.1/tool_router/session`, so seeding cannot store what the API would refuse. */
function checkCreateBody(body: unknown): void {
  const result = sharedSpecValidator().validateSchema('tool-router#/components/schemas/SessionCreateRequest', body);
  if (!result.valid) {
    throw new SeedError('seed.session', 400, {
      message: 'Request validation failed',
      code: 1400,
      errors: result.errors.map((e) => `/body${e.instancePath}: ${e.message}`),
    });
  }
}

/** Engine refusals surface as SeedError, like the HTTP path's envelopes. */
function engineCall<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof ApiError) throw new SeedError(what, error.status, { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) });
    throw error;
  }
}

/**
 * The helpers for one app; `origin` is where handed-out URLs point (the first intercepted origin).
 *
 * @example
 * const seed = createSeedHelpers(app, 'https://backend.composio.dev');
 */
export function createSeedHelpers(app: MockApp, origin: string): SeedHelpers {
  return {
    async session(apiKey, body) {
      const ctx = { apiKey: requireKey(apiKey), origin };
      checkCreateBody(body);
      return wire<SeededSession>(engineCall('seed.session', () => createSession(app.engine, ctx, body as CreateSessionInput)));
    },

    async connectedAccount(apiKey, input) {
      const ctx = { apiKey: requireKey(apiKey), origin };
      return wire<SeededConnectedAccount>(engineCall('seed.connectedAccount', () => createActiveAccount(app.engine, ctx, input)));
    },

    async file(apiKey, sessionId, input) {
      const key = requireKey(apiKey);
      const mountId = input.mountId ?? 'files';
      const { body, size, textual } = toBody(input.content);
      const mimetype = input.mimetype ?? (textual ? 'text/plain' : 'application/octet-stream');
      const path = `/api/v3.1/tool_router/session/${encodeURIComponent(sessionId)}/mounts/${encodeURIComponent(mountId)}/upload_url`;
      const asked = await app.fetch(
        app.faults.exempt(
          new Request(origin + path, {
            method: 'POST',
            headers: { 'x-api-key': key, 'content-type': 'application/json' },
            body: JSON.stringify({ mount_relative_path: input.path, mimetype }),
          }),
        ),
      );
      if (!asked.ok) throw new SeedError('seed.file (upload_url)', asked.status, await readError(asked));
      const upload = (await asked.json()) as SuccessResponse<'createMountUploadUrl'>;
      const put = await app.fetch(app.faults.exempt(new Request(upload.upload_url, { method: 'PUT', headers: { 'content-type': mimetype }, body })));
      if (!put.ok) throw new SeedError('seed.file (PUT upload_url)', put.status, await readError(put));
      return {
        mount_id: mountId,
        mount_relative_path: upload.mount_relative_path,
        sandbox_mount_prefix: upload.sandbox_mount_prefix,
        size,
        mimetype,
      };
    },
  };
}
