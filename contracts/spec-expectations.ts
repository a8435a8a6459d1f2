/**
 * What the document promises for a response, and every way a response breaks it: status,
 * content type, the headers that matter, and the body schema (all Ajv errors, each with its
 * JSON pointer and keyword). Schemas come from the shared validator (src/spec/compile.ts),
 * addressed by pointer into openapi/tool-router.v3.1.yaml.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { sharedSpecValidator, type SpecValidator } from '../src/spec/compile.js';
import { loadToolRouterSpec } from '../src/spec/load-spec.js';
import type { TargetInfo, Violation } from './types.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** An operation of the document as the suite needs it. */
export interface OperationInfo {
  operationId: string;
  /** Upper case. */
  method: string;
  /** Path template, e.g. `/api/v3.1/tool_router/session/{session_id}`. */
  path: string;
  /** The one 2xx status the document declares (201 for create, link, download_url, upload_url). */
  successStatus: number;
  /** Every declared status, as strings (`'200'`, `'404'`). */
  declared: string[];
}

/** Escapes one JSON pointer segment (RFC 6901). */
function pointerSegment(text: string): string {
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

let shared: { validator: SpecValidator; operations: Map<string, OperationInfo>; doc: Json } | undefined;

function load() {
  if (!shared) {
    const doc = loadToolRouterSpec() as unknown as Json;
    const operations = new Map<string, OperationInfo>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const declared = Object.keys((op.responses ?? {}) as Json);
        const success = declared.find((code) => /^2\d\d$/.test(code));
        if (!success) throw new Error(`${String(op.operationId)} declares no 2xx response`);
        operations.set(op.operationId as string, { operationId: op.operationId as string, method: method.toUpperCase(), path, successStatus: Number(success), declared });
      }
    }
    shared = { validator: sharedSpecValidator(), operations, doc };
  }
  return shared;
}

/**
 * Every operation of the API document by operation id.
 *
 * @example
 * contractOperations().get('createSession')?.successStatus; // 201
 */
export function contractOperations(): Map<string, OperationInfo> {
  return load().operations;
}

/**
 * The operation, or an error naming the unknown id (a typo in a check must fail loudly).
 *
 * @example
 * operation('createLink').path; // '/api/v3.1/tool_router/session/{session_id}/link'
 */
export function operation(operationId: string): OperationInfo {
  const op = load().operations.get(operationId);
  if (!op) throw new Error(`The document has no operation "${operationId}"`);
  return op;
}

/**
 * The validator reference of the JSON body schema of `operationId` answering `status`, or
 * `undefined` when the status is not declared. A `$ref`'d response (`#/components/responses/X`)
 * is followed, because the pointer cannot pass through a `$ref`.
 *
 * @example
 * responseSchemaRef('getSession', 200);
 * // 'tool-router#/paths/~1api~1v3.1~1tool_router~1session~1{session_id}/get/responses/200/content/application~1json/schema'
 */
export function responseSchemaRef(operationId: string, status: number): string | undefined {
  const { doc } = load();
  const op = operation(operationId);
  const item = (doc.paths as Record<string, Json>)[op.path]!;
  const responses = (item[op.method.toLowerCase()] as Json).responses as Record<string, Json>;
  const declared = responses[String(status)];
  if (!declared) return undefined;
  const base =
    typeof declared.$ref === 'string'
      ? `tool-router${declared.$ref}`
      : `tool-router#/paths/${pointerSegment(op.path)}/${op.method.toLowerCase()}/responses/${status}`;
  const target = typeof declared.$ref === 'string' ? resolveLocal(doc, declared.$ref) : declared;
  if (!((target.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema) return undefined;
  return `${base}/content/application~1json/schema`;
}

function resolveLocal(doc: Json, ref: string): Json {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json)[key], doc) as Json;
}

/**
 * One Ajv error as a violation: the pointer names the offending value (the missing key for `required`).
 *
 * @example
 * schemaViolation({ keyword: 'required', instancePath: '', params: { missingProperty: 'mcp' }, schemaPath: '#/required', message: 'must have required property' });
 * // { rule: 'schema', pointer: '/mcp', keyword: 'required', ... }
 */
export function schemaViolation(error: ErrorObject, exchange?: number): Violation {
  const missing = error.keyword === 'required' ? `/${pointerSegment(String(error.params.missingProperty))}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${pointerSegment(String(error.params.additionalProperty))}` : '';
  const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
  return {
    rule: 'schema',
    pointer: `${error.instancePath}${missing}${extra}`,
    keyword: error.keyword,
    schemaPath: error.schemaPath,
    message: `${error.message ?? error.keyword}${allowed}`,
    ...(exchange !== undefined ? { exchange } : {}),
  };
}

/**
 * Every schema violation of `body` against the response of `operationId` at `status`.
 *
 * @example
 * validateResponseBody('getSession', 200, {}).map((v) => v.pointer); // ['/session_id', '/mcp', ...]
 */
export function validateResponseBody(operationId: string, status: number, body: unknown, exchange?: number): Violation[] {
  const ref = responseSchemaRef(operationId, status);
  if (!ref) return [];
  const check = load().validator.getValidator(ref);
  if (check(body)) return [];
  return (check.errors ?? []).map((e) => schemaViolation(e, exchange));
}

export interface ResponseUnderTest {
  status: number;
  headers: Headers;
  text: string;
}

/** A response checked against the document: its parsed body and what it breaks. */
export interface CheckedResponse {
  body: unknown;
  violations: Violation[];
  /** Findings that only warn (mock conventions against a remote target). */
  warnings: string[];
}

/** Media type without parameters, lower case. */
function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Checks one response of `operationId`: the status is one of `expected` and declared, the
 * content type is JSON, `x-request-id` is present (a failure on composio-mock, a warning on
 * other targets: the real service's use of the header is not documented), the body matches
 * the declared schema, and an error body agrees with its status.
 *
 * @example
 * const { violations } = checkResponse('createSession', [201], res, target, 0);
 */
export function checkResponse(operationId: string, expected: readonly number[], res: ResponseUnderTest, target: TargetInfo, exchange: number): CheckedResponse {
  const op = operation(operationId);
  const violations: Violation[] = [];
  const warnings: string[] = [];
  const at = { exchange };
  if (!expected.includes(res.status)) {
    violations.push({ rule: 'status', message: `${operationId}: expected status ${expected.join(' or ')}, got ${res.status}`, ...at });
  }
  if (!op.declared.includes(String(res.status))) {
    violations.push({ rule: 'status', message: `status ${res.status} is not declared for ${operationId} (declared: ${op.declared.join(', ')})`, ...at });
  }
  const type = mediaType(res.headers);
  if (type !== 'application/json') {
    violations.push({ rule: 'content-type', message: `content-type must be application/json, got ${JSON.stringify(res.headers.get('content-type') ?? '(none)')}`, ...at });
  }
  const requestId = res.headers.get('x-request-id');
  if (!requestId) {
    const message = 'x-request-id header is missing (every response of the document declares it)';
    if (target.kind === 'composio-mock') violations.push({ rule: 'header', message, ...at });
    else warnings.push(`${message}; a composio-mock convention, only a warning against ${target.kind} targets`);
  }
  if (res.status === 429 && res.headers.get('retry-after') === null && res.headers.get('retry-after-ms') === null) {
    warnings.push('429 without retry-after: clients fall back to exponential backoff');
  }
  let body: unknown;
  if (res.text.trim() === '') {
    violations.push({ rule: 'transport', message: 'the body is empty; a JSON body is expected', ...at });
  } else {
    try {
      body = JSON.parse(res.text);
    } catch {
      violations.push({ rule: 'transport', message: 'the body is not JSON', ...at });
      return { body: undefined, violations, warnings };
    }
    violations.push(...validateResponseBody(operationId, res.status, body, exchange));
  }
  if (res.status >= 400) {
    const error = (body as { error?: { status?: unknown; request_id?: unknown } } | undefined)?.error;
    if (error && typeof error === 'object' && error.status !== undefined && error.status !== res.status) {
      violations.push({ rule: 'envelope', pointer: '/error/status', message: `error.status is ${JSON.stringify(error.status)} but the HTTP status is ${res.status}`, ...at });
    }
    if (target.kind === 'composio-mock' && requestId && error && typeof error === 'object' && error.request_id !== requestId) {
      violations.push({ rule: 'envelope', pointer: '/error/request_id', message: `error.request_id (${JSON.stringify(error.request_id)}) differs from the x-request-id header (${requestId})`, ...at });
    }
  }
  return { body, violations, warnings };
}
