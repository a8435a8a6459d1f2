/**
 * OpenAPI-style path templates (`/session/{session_id}/mounts/{mount_id}`) as regular
 * expressions: one implementation for the API router and the proxy fixtures.
 */

/** A compiled template: the pattern (one capture group per parameter) and the parameter names in order. */
export interface PathTemplate {
  pattern: RegExp;
  names: string[];
}

/**
 * Each `{name}` segment matches one non-empty path segment; everything else matches literally;
 * a trailing slash is allowed.
 *
 * @example
 * const { pattern, names } = compilePathTemplate('/repos/{owner}/{repo}');
 * pattern.exec('/repos/acme/web')?.slice(1); // ['acme', 'web'], names: ['owner', 'repo']
 */
export function compilePathTemplate(path: string): PathTemplate {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
      if (param) {
        names.push(param[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), names };
}
