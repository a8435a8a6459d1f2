/**
 * Checks a request against its operation: path and query parameters (coerced from text as
 * the clients serialise them: comma-joined arrays, `is_connected=` for null) and the JSON
 * body. Every violation is reported at once, each with its location.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { badRequest } from '../engine/errors.js';
import type { OperationSpec, ParameterSpec } from './operation-table.js';
import { compileDocumentSchema, toViolations, type Violation } from './schema-registry.js';

type Json = Record<string, unknown>;

export interface ValidatedInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

interface CompiledOperation {
  spec: OperationSpec;
  params?: ValidateFunction;
  query?: ValidateFunction;
  body?: ValidateFunction;
}

function typesOf(schema: Json): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

function coerce(raw: string, param: ParameterSpec): unknown {
  const types = typesOf(param.schema);
  if (raw === '' && types.includes('null')) return null;
  if (types.includes('array')) return param.explode ? [raw] : raw === '' ? [] : raw.split(',');
  // Plain decimal only: Number() would also take '0x10', '1e2' or ' 5 '.
  if (types.includes('integer') && /^-?\d{1,15}$/.test(raw)) return Number(raw);
  if (types.includes('number') && /^-?\d{1,15}(\.\d{1,15})?$/.test(raw)) return Number(raw);
  if (types.includes('boolean')) return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function objectSchema(params: ParameterSpec[]): Json {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * @example
 * const validator = new RequestValidator(operationTable(doc));
 * const input = validator.validate('listSessionTools', { session_id: 'trs_1' }, url.searchParams, undefined);
 */
export class RequestValidator {
  private readonly specs = new Map<string, OperationSpec>();
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor(specs: readonly OperationSpec[]) {
    for (const spec of specs) this.specs.set(spec.operationId, spec);
  }

  /** Compiles an operation's validators on its first request, so start-up stays fast. */
  private operation(operationId: string): CompiledOperation | undefined {
    let compiled = this.compiled.get(operationId);
    if (compiled) return compiled;
    const spec = this.specs.get(operationId);
    if (!spec) return undefined;
    compiled = { spec };
    const pathParams = spec.parameters.filter((p) => p.in === 'path');
    const queryParams = spec.parameters.filter((p) => p.in === 'query');
    if (pathParams.length) compiled.params = compileDocumentSchema(objectSchema(pathParams));
    if (queryParams.length) compiled.query = compileDocumentSchema(objectSchema(queryParams));
    if (spec.bodySchema) compiled.body = compileDocumentSchema(spec.bodySchema);
    this.compiled.set(operationId, compiled);
    return compiled;
  }

  spec(operationId: string): OperationSpec | undefined {
    return this.specs.get(operationId);
  }

  /** The coerced, checked input, or a 400 listing every violation. */
  validate(operationId: string, rawParams: Record<string, string>, search: URLSearchParams, body: unknown): ValidatedInput {
    const op = this.operation(operationId);
    if (!op) throw new Error(`Unknown operation ${operationId}`);
    const violations: Violation[] = [];

    const params: Record<string, unknown> = { ...rawParams };
    if (op.params && !op.params(params)) violations.push(...toViolations(op.params.errors, '/path'));

    const query: Record<string, unknown> = {};
    for (const param of op.spec.parameters) {
      if (param.in !== 'query') continue;
      const values = search.getAll(param.name);
      if (values.length === 0) continue;
      query[param.name] = values.length > 1 && typesOf(param.schema).includes('array') ? values : coerce(values[values.length - 1]!, param);
    }
    if (op.query && !op.query(query)) violations.push(...toViolations(op.query.errors, '/query'));

    // A body sent to an operation that takes none is ignored, as most HTTP servers do.
    if (body === undefined || !op.body) {
      if (op.spec.bodyRequired) violations.push({ pointer: '/body', message: 'a JSON body is required' });
    } else if (!op.body(body)) {
      violations.push(...toViolations(op.body.errors, '/body'));
    }

    if (violations.length > 0) {
      const lines = [...new Set(violations.map((v) => `${v.pointer}: ${v.message}`))];
      throw badRequest('Request validation failed', lines, { suggestedFix: 'Fix each listed field; the OpenAPI document describes the accepted shape.' });
    }
    return { params, query, body: body ?? (op.body ? {} : undefined) };
  }
}
