/**
 * One Ajv (JSON Schema 2020-12, strict mode, ajv-formats) holding both OpenAPI documents, so any
 * schema of either document can be compiled by JSON pointer, once, and reused.
 *
 * Each document is registered whole under its own `$id`, so the documents' own `$ref`s
 * (`#/components/schemas/X`, and the control plane's `./tool-router.v3.1.yaml#/...`) resolve
 * unchanged. The OpenAPI top-level keys are declared as inert keywords; everything reached
 * through a pointer is compiled in strict mode, so a schema using a keyword Ajv does not know
 * (`example`, `discriminator`, `x-...`) fails loudly. Ajv accepts OpenAPI's `nullable` even in
 * strict mode; test/spec/document.test.ts rejects it (and every other non-2020-12 key) by hand.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadControlPlaneSpec, loadToolRouterSpec, type OpenApiDocument } from './load-spec.js';

/** `$id` under which the API document is registered. */
export const TOOL_ROUTER_ID = 'https://composio-mock.local/openapi/tool-router.v3.1.yaml';
/** `$id` under which the control-plane document is registered. */
export const CONTROL_PLANE_ID = 'https://composio-mock.local/openapi/control-plane.yaml';

const ALIASES: Record<string, string> = {
  'tool-router': TOOL_ROUTER_ID,
  'control-plane': CONTROL_PLANE_ID,
};

/** OpenAPI keys at document level: not JSON Schema keywords, declared so strict mode accepts them. */
const OPENAPI_ROOT_KEYS = ['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'webhooks', 'externalDocs', 'jsonSchemaDialect'];

/** One violation, located by a JSON pointer into the validated value. */
export interface SchemaViolation {
  instancePath: string;
  message: string;
}

export interface SchemaValidationResult {
  valid: boolean;
  errors: SchemaViolation[];
}

export interface SpecValidator {
  /** The shared Ajv instance (both documents registered). */
  readonly ajv: Ajv2020;
  /**
   * Validates `value` against the schema at `ref` and lists every violation.
   * `ref` is `<document>#<pointer>` where document is `tool-router`, `control-plane` or a full
   * `$id`; a bare `#<pointer>` means the API document.
   */
  validateSchema(ref: string, value: unknown): SchemaValidationResult;
  /** The compiled validator for `ref` (compiled on first use, then cached per pointer). */
  getValidator(ref: string): ValidateFunction;
}

/**
 * `tool-router#/components/schemas/<name>`: the reference of a named API schema.
 *
 * @example
 * validator.validateSchema(schemaRef('Session'), body);
 */
export function schemaRef(name: string, document: 'tool-router' | 'control-plane' = 'tool-router'): string {
  return `${document}#/components/schemas/${name}`;
}

/** Normalises `tool-router#/x`, `#/x` and full ids to `<full id>#/x`. */
export function resolveSpecRef(ref: string): string {
  const hash = ref.indexOf('#');
  const doc = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash);
  const id = doc === '' ? TOOL_ROUTER_ID : (ALIASES[doc] ?? doc);
  return `${id}${pointer}`;
}

function toViolations(errors: ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    message:
      e.keyword === 'required'
        ? `must have required property '${String(e.params.missingProperty)}'`
        : e.keyword === 'enum'
          ? `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
          : (e.message ?? e.keyword),
  }));
}

function withId(doc: OpenApiDocument, id: string): Record<string, unknown> {
  return { ...doc, $id: id };
}

let shared: SpecValidator | undefined;

/**
 * One validator over the packaged documents for the whole process: the app, seeding and the
 * contract suite compile against it. It skips meta-validating the documents (their own test
 * does that), which would cost ~80 ms at start.
 *
 * @example
 * sharedSpecValidator().getValidator(schemaRef('Session'));
 */
export function sharedSpecValidator(): SpecValidator {
  shared ??= createSpecValidator({ metaValidate: false });
  return shared;
}

/**
 * Builds a validator. Documents default to the packaged ones.
 *
 * @example
 * const validator = createSpecValidator();
 * const { valid, errors } = validator.validateSchema('tool-router#/components/schemas/SessionCreateRequest', { user_id: 'u1' });
 * // valid === true, errors === []
 *
 * @example
 * const check = validator.getValidator(schemaRef('ExecuteResponse'));
 * if (!check(body)) console.log(check.errors);
 */
export function createSpecValidator(
  documents: { toolRouter?: OpenApiDocument; controlPlane?: OpenApiDocument; metaValidate?: boolean } = {},
): SpecValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateSchema: documents.metaValidate ?? true });
  addFormats.default(ajv);
  ajv.addVocabulary(OPENAPI_ROOT_KEYS);
  ajv.addSchema(withId(documents.toolRouter ?? loadToolRouterSpec(), TOOL_ROUTER_ID));
  ajv.addSchema(withId(documents.controlPlane ?? loadControlPlaneSpec(), CONTROL_PLANE_ID));

  const cache = new Map<string, ValidateFunction>();

  function getValidator(ref: string): ValidateFunction {
    const full = resolveSpecRef(ref);
    let fn = cache.get(full);
    if (!fn) {
      fn = ajv.compile({ $ref: full });
      cache.set(full, fn);
    }
    return fn;
  }

  return {
    ajv,
    getValidator,
    validateSchema(ref, value) {
      const fn = getValidator(ref);
      const valid = fn(value);
      return { valid, errors: valid ? [] : toViolations(fn.errors) };
    },
  };
}
