/**
 * Presigned file URLs: HMAC-SHA256 over what the URL allows (method, project, session,
 * mount, path, expiry, content type), with a key derived from the engine's seed, so the
 * same seed signs the same URL the same way and nothing secret is needed.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Engine } from './engine.js';
import { ApiError } from './errors.js';
import { sideSlot } from './side-state.js';

/** What a presigned URL grants. */
export interface SignedTarget {
  method: 'GET' | 'PUT';
  /** Opaque tag of the project (never the API key itself). */
  project: string;
  sessionId: string;
  mountId: string;
  path: string;
  /** Expiry, Unix seconds. */
  expires: number;
  /** Content type to store when the PUT carries none (upload URLs only). */
  contentType?: string;
}

const keys = sideSlot<Engine, Buffer>((engine) => createHash('sha256').update(`composio-mock:file-urls:${String(engine.seed)}`).digest());
/** Which project a tag stands for: presigned URLs carry no API key. */
const projectTags = sideSlot<Engine, Map<string, string>>(() => new Map());

/**
 * The tag presigned URLs carry for a project; remembers it so the URL can be resolved.
 *
 * @example
 * projectTag(engine, 'my-key'); // '3f9c…' (16 hex characters)
 */
export function projectTag(engine: Engine, apiKey: string): string {
  const tag = createHmac('sha256', keys(engine)).update(`project:${apiKey}`).digest('hex').slice(0, 16);
  projectTags(engine).set(tag, apiKey);
  return tag;
}

/**
 * The API key behind a tag, if this engine issued it.
 *
 * @example
 * apiKeyOfTag(engine, projectTag(engine, 'k')); // 'k'
 */
export function apiKeyOfTag(engine: Engine, tag: string): string | undefined {
  return projectTags(engine).get(tag);
}

function canonical(target: SignedTarget): string {
  return [target.method, target.project, target.sessionId, target.mountId, target.path, String(target.expires), target.contentType ?? ''].join('\n');
}

/**
 * @example
 * const signature = signTarget(engine, { method: 'PUT', project, sessionId, mountId: 'files', path: 'a.txt', expires });
 */
export function signTarget(engine: Engine, target: SignedTarget): string {
  return createHmac('sha256', keys(engine)).update(canonical(target)).digest('hex');
}

/**
 * Throws 403 (in the API's error envelope) for a wrong signature or an expired URL; the
 * expiry is read from the engine clock.
 *
 * @example
 * verifyTarget(engine, target, url.searchParams.get('signature') ?? '');
 */
export function verifyTarget(engine: Engine, target: SignedTarget, signature: string): void {
  const expected = Buffer.from(signTarget(engine, target), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, 'SIGNATURE_INVALID', 'The signature of this presigned URL does not match', {
      suggestedFix: 'Use the URL exactly as returned by upload_url or download_url.',
    });
  }
  if (engine.clock.now().getTime() > target.expires * 1000) {
    throw new ApiError(403, 'SIGNATURE_INVALID', 'This presigned URL has expired', {
      suggestedFix: 'Ask for a new URL (upload_url or download_url).',
    });
  }
}
