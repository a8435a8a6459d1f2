/**
 * Matches a method and path to an operation of the document. An unknown path and a known
 * path with the wrong method are told apart (404 vs 405), as prism does.
 */
import { compilePathTemplate } from '../engine/path-template.js';

export interface RouteDefinition {
  method: string;
  /** OpenAPI path template: `/api/v3.1/tool_router/session/{session_id}`. */
  path: string;
  operationId: string;
}

export type RouteMatch =
  | { kind: 'found'; operationId: string; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  methods: Map<string, string>;
  literal: boolean;
}

/**
 * @example
 * const router = new Router([{ method: 'GET', path: '/s/{id}', operationId: 'getS' }]);
 * router.match('GET', '/s/abc'); // { kind: 'found', operationId: 'getS', params: { id: 'abc' } }
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(definitions: readonly RouteDefinition[]) {
    const byPath = new Map<string, CompiledRoute>();
    for (const def of definitions) {
      let route = byPath.get(def.path);
      if (!route) {
        route = { ...compilePathTemplate(def.path), methods: new Map(), literal: !def.path.includes('{') };
        byPath.set(def.path, route);
      }
      route.methods.set(def.method.toUpperCase(), def.operationId);
    }
    // Literal paths first, so `/session/{id}` never swallows a fixed sibling segment.
    this.routes = [...byPath.values()].sort((a, b) => Number(b.literal) - Number(a.literal));
  }

  match(method: string, pathname: string): RouteMatch {
    let allowed: string[] | undefined;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const operationId = route.methods.get(method.toUpperCase());
      if (!operationId) {
        allowed ??= [...route.methods.keys()];
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1]!);
      });
      return { kind: 'found', operationId, params };
    }
    return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept raw; validation then reports it as a bad id.
    return segment;
  }
}
