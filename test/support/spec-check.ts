/**
 * Checks a response against the OpenAPI document: the status is one the operation
 * declares, the body matches that response's schema, the headers we promise are there.
 * The body check is the contract suite's own (contracts/spec-expectations.ts), so tests and
 * the suite read the document the same way.
 */
import { contractOperations, operation, validateResponseBody } from '../../contracts/spec-expectations.js';

/** Every operation id of the API document. */
export const operationIds = [...contractOperations().keys()];

/**
 * Violations of a response against the document (empty when it conforms).
 *
 * @example
 * expect(specViolations('getSession', res.status, res.headers, body)).toEqual([]);
 */
export function specViolations(operationId: string, status: number, headers: Headers, body: unknown): string[] {
  const { declared } = operation(operationId);
  if (!declared.includes(String(status))) return [`status ${status} is not declared for ${operationId} (declared: ${declared.join(', ')})`];
  const problems: string[] = [];
  if (!headers.get('x-request-id')) problems.push('missing x-request-id header');
  if (!(headers.get('content-type') ?? '').startsWith('application/json')) problems.push(`content-type is ${headers.get('content-type')}`);
  problems.push(...validateResponseBody(operationId, status, body).map((v) => `${v.pointer}: ${v.message}`));
  return problems;
}
