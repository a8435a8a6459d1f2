/**
 * Compiling the app's request and response schemas on the process-wide spec validator
 * (src/spec/compile.ts), so every schema is compiled once by one strict Ajv that refuses
 * keywords it does not know (stripe-mock's "fail loudly on drift").
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { sharedSpecValidator, TOOL_ROUTER_ID } from '../spec/compile.js';

type Json = Record<string, unknown>;

export interface Violation {
  /** JSON pointer into the validated value, prefixed with where it came from (`/body/user_id`). */
  pointer: string;
  message: string;
}

/** Local refs (`#/components/...`) of a schema lifted out of the document point back into it. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${TOOL_ROUTER_ID}${child}` : absoluteRefs(child);
  }
  return out;
}

/** Readable one-line messages with the offending location. */
export function toViolations(errors: ErrorObject[] | null | undefined, prefix: string): Violation[] {
  return (errors ?? []).map((e) => {
    const base = `${prefix}${e.instancePath}`;
    if (e.keyword === 'required') return { pointer: `${base}/${String(e.params.missingProperty)}`, message: 'is required' };
    if (e.keyword === 'additionalProperties') {
      return { pointer: `${base}/${String(e.params.additionalProperty)}`, message: 'is not an allowed property' };
    }
    if (e.keyword === 'enum') return { pointer: base, message: `${e.message ?? 'must be one of'}: ${(e.params.allowedValues as unknown[]).join(', ')}` };
    return { pointer: base || prefix || '/', message: e.message ?? e.keyword };
  });
}

/**
 * Compiles a schema taken from the API document (an operation's body, its parameters, a
 * response) against the document itself.
 *
 * @example
 * const check = compileDocumentSchema({ $ref: '#/components/schemas/Session' });
 * check(value); // true or false, errors in check.errors
 */
export function compileDocumentSchema(schema: Json): ValidateFunction {
  return sharedSpecValidator().ajv.compile(absoluteRefs(schema) as Json);
}
