/**
 * The two OpenAPI documents shipped with the package. The YAML files in `openapi/` are the
 * source; `npm run generate` writes them as JSON into src/generated, and this module imports
 * that JSON: no YAML parse at start (it cost ~300 ms), and bundlers inline the documents for
 * the browser. `check:generated` keeps the JSON in step with the YAML.
 */
import controlPlaneJson from '../generated/control-plane.spec.json' with { type: 'json' };
import toolRouterJson from '../generated/tool-router.spec.json' with { type: 'json' };

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

/**
 * The parsed API document. The same object is returned on every call: treat it as read-only.
 *
 * @example
 * const doc = loadToolRouterSpec();
 * doc.paths['/api/v3.1/tool_router/session']?.post; // the createSession operation
 */
export function loadToolRouterSpec(): OpenApiDocument {
  return toolRouterJson as unknown as OpenApiDocument;
}

/**
 * The parsed control-plane document (`/_mock/...`). Cached and read-only like the API document.
 *
 * @example
 * const health = loadControlPlaneSpec().paths['/_mock/health'];
 */
export function loadControlPlaneSpec(): OpenApiDocument {
  return controlPlaneJson as unknown as OpenApiDocument;
}
