/**
 * JSON text that does not depend on key insertion order, so two deep-equal values always give
 * the same string: the basis for hashing arguments into seeds and for comparing JSON values.
 */

/**
 * `JSON.stringify` with object keys sorted at every level. Follows JSON semantics otherwise:
 * `toJSON` is honoured (dates become ISO strings), `undefined` properties are dropped,
 * non-finite numbers become `null`. Top-level `undefined` gives `'null'` so the result is always
 * a string. Throws a `TypeError` on circular structures and on bigints, as `JSON.stringify` does.
 *
 * @example
 * stableStringify({ b: 1, a: { d: [2, 1], c: null } }); // '{"a":{"c":null,"d":[2,1]},"b":1}'
 * stableStringify({ a: 1, b: 2 }) === stableStringify({ b: 2, a: 1 }); // true
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value, [])) ?? 'null';
}

function sortKeys(value: unknown, ancestors: object[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return sortKeys(withToJson.toJSON(), ancestors);
  // A repeated reference is fine (a DAG); only a reference back up the current path is a cycle.
  if (ancestors.includes(value)) throw new TypeError('stableStringify: circular structure');
  ancestors.push(value);
  const out = Array.isArray(value)
    ? value.map((item) => sortKeys(item, ancestors))
    : Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sortKeys((value as Record<string, unknown>)[key], ancestors)]),
      );
  ancestors.pop();
  return out;
}
