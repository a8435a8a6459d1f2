/**
 * Checks a response against the OpenAPI document: the status is one the operation
 * declares, the body matches that response's schema, the headers we promise are there.
 */
import { resolveRef, operationTable } from '../../src/http/operation-table.js';
import { compileDocumentSchema, toViolations } from '../../src/http/schema-registry.js';
import { loadToolRouterSpec } from '../../src/spec/load-spec.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;

const doc = loadToolRouterSpec() as unknown as Json;
const cache = new Map<string, ValidateFunction>();

function operation(operationId: string): Json {
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const op of Object.values(item)) {
      if ((op as Json)?.operationId === operationId) return op as Json;
    }
  }
  throw new Error(`No operation ${operationId}`);
}

/** Every operation id of the API document. */
export const operationIds = operationTable(doc).map((o) => o.operationId);

/**
 * Violations of a response against the document (empty when it conforms).
 *
 * @example
 * expect(specViolations('getSession', res.status, res.headers, body)).toEqual([]);
 */
export function specViolations(operationId: string, status: number, headers: Headers, body: unknown): string[] {
  const op = operation(operationId);
  const responses = op.responses as Record<string, unknown>;
  const declared = responses[String(status)] ?? responses.default;
  if (!declared) return [`status ${status} is not declared for ${operationId} (declared: ${Object.keys(responses).join(', ')})`];
  const problems: string[] = [];
  if (!headers.get('x-request-id')) problems.push('missing x-request-id header');
  if (!(headers.get('content-type') ?? '').startsWith('application/json')) problems.push(`content-type is ${headers.get('content-type')}`);
  const key = `${operationId}:${status}`;
  let check = cache.get(key);
  if (!check) {
    const schema = (resolveRef<Json>(doc, declared).content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
    if (!schema) return problems;
    check = compileDocumentSchema(schema);
    cache.set(key, check);
  }
  if (!check(body)) problems.push(...toViolations(check.errors, '').map((v) => `${v.pointer}: ${v.message}`));
  return problems;
}
