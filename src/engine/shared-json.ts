/**
 * JSON text of values that never change once loaded (the catalog's tool schemas), reused by
 * every response that shows them. Search and tool listings spend most of their serialization on
 * these schemas; serializing each one once instead of per response is what keeps them fast.
 *
 * A value marked shared is deep-frozen when its text is first taken, so that a change to it
 * after that throws instead of leaving a stale text behind.
 */
const shared = new WeakSet<object>();
const texts = new WeakMap<object, string>();

/**
 * Random per process, so that no string a client sends can pass for a placeholder. JSON.stringify
 * writes the NUL around it as `\u0000`.
 */
const NONCE = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
const PLACEHOLDER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)\\\\u0000"`, 'g');

/**
 * Marks a loaded value as immutable and shared by responses.
 *
 * @example
 * markShared(tool.input_parameters);
 */
export function markShared(value: object): void {
  shared.add(value);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

function textOf(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    deepFreeze(value);
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/**
 * `JSON.stringify(body)`, with the text of every shared value inside it reused rather than
 * serialized again. Costs a replacer call per value outside the shared ones, so it suits bodies
 * made mostly of shared values (search, tool listings), not every response.
 *
 * @example
 * markShared(schema);
 * stringifyWithShared({ tool: 'X', input_schema: schema }) === JSON.stringify({ tool: 'X', input_schema: schema }); // true
 */
export function stringifyWithShared(body: unknown): string {
  const fragments: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !shared.has(value)) return value;
    fragments.push(textOf(value));
    return `\u0000${NONCE}:${fragments.length - 1}\u0000`;
  });
  if (fragments.length === 0) return text;
  return text.replace(PLACEHOLDER, (_match, index: string) => fragments[Number(index)]!);
}
