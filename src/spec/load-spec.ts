/**
 * Loads the two OpenAPI documents shipped with the package (`openapi/*.yaml`), parsed once and
 * cached. Paths are resolved relative to this module, so it works from a checkout, from
 * `node_modules/composio-mock` and under tsx/vitest alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The parts of an OpenAPI 3.1 document this project reads; everything else stays available. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** File URL of the API document (`openapi/tool-router.v3.1.yaml`). */
export const toolRouterSpecUrl = new URL('../../openapi/tool-router.v3.1.yaml', import.meta.url);
/** File URL of the control-plane document (`openapi/control-plane.yaml`). */
export const controlPlaneSpecUrl = new URL('../../openapi/control-plane.yaml', import.meta.url);

const cache = new Map<string, OpenApiDocument>();

function load(url: URL): OpenApiDocument {
  const key = url.href;
  let doc = cache.get(key);
  if (!doc) {
    const parsed: unknown = parse(readFileSync(fileURLToPath(url), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || !('openapi' in parsed)) {
      throw new Error(`${fileURLToPath(url)} is not an OpenAPI document`);
    }
    doc = parsed as OpenApiDocument;
    cache.set(key, doc);
  }
  return doc;
}

/**
 * The parsed API document. The same object is returned on every call: treat it as read-only.
 *
 * @example
 * const doc = loadToolRouterSpec();
 * doc.paths['/api/v3.1/tool_router/session']?.post; // the createSession operation
 */
export function loadToolRouterSpec(): OpenApiDocument {
  return load(toolRouterSpecUrl);
}

/**
 * The parsed control-plane document (`/_mock/...`). Cached and read-only like the API document.
 *
 * @example
 * const health = loadControlPlaneSpec().paths['/_mock/health'];
 */
export function loadControlPlaneSpec(): OpenApiDocument {
  return load(controlPlaneSpecUrl);
}
