/**
 * Safety nets over both OpenAPI documents (stripe-mock's TestValidFixtures habit): every `$ref`
 * resolves, every example validates against its schema, every operation has a JSON success
 * response, the error envelope, the request-id header and a security requirement, every schema
 * compiles in Ajv strict mode, and the operationIds are exactly the expected ones.
 */
import { describe, expect, test } from 'vitest';
import { createSpecValidator, CONTROL_PLANE_ID, TOOL_ROUTER_ID } from '../../src/spec/compile.js';
import { loadControlPlaneSpec, loadToolRouterSpec, type OpenApiDocument } from '../../src/spec/load-spec.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const FILES: Record<string, string> = {
  './tool-router.v3.1.yaml': 'tool-router',
  './control-plane.yaml': 'control-plane',
};

const docs: Record<string, OpenApiDocument> = {
  'tool-router': loadToolRouterSpec(),
  'control-plane': loadControlPlaneSpec(),
};
const ids: Record<string, string> = { 'tool-router': TOOL_ROUTER_ID, 'control-plane': CONTROL_PLANE_ID };
const validator = createSpecValidator();

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** A location in one of the documents. */
interface Loc {
  doc: string;
  pointer: string;
}

function at(loc: Loc): unknown {
  let node: unknown = docs[loc.doc];
  for (const part of loc.pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[unescape(part)];
  }
  return node;
}

function refTarget(ref: string, from: string): Loc {
  const [file = '', pointer = ''] = ref.split('#');
  const doc = file === '' ? from : FILES[file];
  if (!doc) throw new Error(`unknown file in $ref ${ref}`);
  return { doc, pointer };
}

/** Follows `$ref`s (possibly across files) to the node they point at. */
function deref(loc: Loc): { loc: Loc; node: Json } {
  let current = loc;
  for (let i = 0; i < 10; i++) {
    const node = at(current) as Json;
    if (!node || typeof node.$ref !== 'string') return { loc: current, node };
    current = refTarget(node.$ref, current.doc);
  }
  throw new Error(`$ref loop at ${loc.doc}${loc.pointer}`);
}

function allRefs(node: unknown, pointer: string, out: { pointer: string; ref: string }[] = []): { pointer: string; ref: string }[] {
  if (Array.isArray(node)) node.forEach((v, i) => allRefs(v, `${pointer}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push({ pointer, ref: v });
      else allRefs(v, `${pointer}/${escape(k)}`, out);
    }
  }
  return out;
}

interface Operation {
  doc: string;
  path: string;
  method: string;
  loc: Loc;
  op: Json;
}

function operations(doc: string): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(docs[doc]!.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op) out.push({ doc, path, method, op, loc: { doc, pointer: `/paths/${escape(path)}/${method}` } });
    }
  }
  return out;
}

/** One example with the schema it must satisfy. */
interface ExampleCase {
  where: string;
  schema: Loc;
  value: unknown;
}

function mediaExamples(content: Loc, where: string): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const node = at(content) as Json | undefined;
  for (const [type, media] of Object.entries(node ?? {})) {
    const mediaLoc = { doc: content.doc, pointer: `${content.pointer}/${escape(type)}` };
    const schema = { doc: content.doc, pointer: `${mediaLoc.pointer}/schema` };
    const examples = ((media as Json).examples ?? {}) as Json;
    for (const name of Object.keys(examples)) {
      const ex = deref({ doc: content.doc, pointer: `${mediaLoc.pointer}/examples/${escape(name)}` }).node;
      cases.push({ where: `${where} ${type} example "${name}"`, schema, value: ex.value });
    }
    if ('example' in (media as Json)) cases.push({ where: `${where} ${type} example`, schema, value: (media as Json).example });
  }
  return cases;
}

function exampleCases(o: Operation): { request: ExampleCase[]; response: ExampleCase[]; parameter: ExampleCase[] } {
  const label = `${o.op.operationId as string}`;
  const request: ExampleCase[] = [];
  const response: ExampleCase[] = [];
  const parameter: ExampleCase[] = [];
  if (o.op.requestBody) {
    const body = deref({ doc: o.doc, pointer: `${o.loc.pointer}/requestBody` });
    request.push(...mediaExamples({ doc: body.loc.doc, pointer: `${body.loc.pointer}/content` }, `${label} request`));
  }
  for (const code of Object.keys(o.op.responses as Json)) {
    const res = deref({ doc: o.doc, pointer: `${o.loc.pointer}/responses/${code}` });
    response.push(...mediaExamples({ doc: res.loc.doc, pointer: `${res.loc.pointer}/content` }, `${label} ${code}`));
  }
  const paramLists = [
    { doc: o.doc, pointer: `/paths/${escape(o.path)}/parameters` },
    { doc: o.doc, pointer: `${o.loc.pointer}/parameters` },
  ];
  for (const list of paramLists) {
    const params = (at(list) ?? []) as unknown[];
    params.forEach((_, i) => {
      const p = deref({ doc: list.doc, pointer: `${list.pointer}/${i}` });
      const schema = { doc: p.loc.doc, pointer: `${p.loc.pointer}/schema` };
      const where = `${label} parameter ${p.node.name as string}`;
      if ('example' in p.node) parameter.push({ where, schema, value: p.node.example });
      for (const [name, ex] of Object.entries((p.node.examples ?? {}) as Json)) {
        parameter.push({ where: `${where} "${name}"`, schema, value: (ex as Json).value });
      }
    });
  }
  return { request, response, parameter };
}

function validate(c: ExampleCase): string[] {
  const result = validator.validateSchema(`${ids[c.schema.doc]}#${c.schema.pointer}`, c.value);
  return result.errors.map((e) => `${c.where}: ${e.instancePath || '/'} ${e.message}`);
}

/** The keywords the schemas may use (what Ajv2020 strict compiles, minus OpenAPI extensions). */
const ALLOWED_KEYWORDS = new Set([
  'type', 'properties', 'required', 'items', 'prefixItems', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', 'not',
  'additionalProperties', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'uniqueItems', 'pattern', 'format', 'description', 'title', 'default', 'examples',
  'deprecated', 'readOnly', 'writeOnly', '$ref', '$defs',
]);
const SUBSCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', '$defs'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not'];

function walkSchema(schema: unknown, pointer: string, out: { pointer: string; schema: Json }[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as Json;
  out.push({ pointer, schema: s });
  for (const k of SUBSCHEMAS) walkSchema(s[k], `${pointer}/${k}`, out);
  for (const k of SUBSCHEMA_LISTS) ((s[k] ?? []) as unknown[]).forEach((v, i) => walkSchema(v, `${pointer}/${k}/${i}`, out));
  for (const k of SUBSCHEMA_MAPS) {
    for (const [name, v] of Object.entries((s[k] ?? {}) as Json)) walkSchema(v, `${pointer}/${k}/${escape(name)}`, out);
  }
}

/** Every schema object of a document: components.schemas and every `schema` of a parameter, header or media type. */
function allSchemas(d: OpenApiDocument): { pointer: string; schema: Json }[] {
  const out: { pointer: string; schema: Json }[] = [];
  for (const [name, s] of Object.entries(d.components.schemas)) walkSchema(s, `/components/schemas/${escape(name)}`, out);
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((v, i) => visit(v, `${pointer}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'schema') walkSchema(v, `${pointer}/schema`, out);
        else if (k !== 'examples' && k !== 'example' && k !== 'schemas') visit(v, `${pointer}/${escape(k)}`);
      }
    }
  };
  visit(d.paths, '/paths');
  visit(d.components, '/components');
  return out;
}

const EXPECTED_IDS: Record<string, string[]> = {
  'tool-router': [
    'createSession',
    'getSession',
    'patchSession',
    'deleteSession',
    'attachSession',
    'listSessionConfigHistory',
    'searchTools',
    'listSessionTools',
    'executeTool',
    'executeMetaTool',
    'createLink',
    'proxyExecute',
    'listSessionToolkits',
    'listMountItems',
    'createMountDownloadUrl',
    'createMountUploadUrl',
    'deleteMountItem',
    'getConnectedAccount',
  ],
  'control-plane': ['getMockHealth', 'resetMock', 'getMockState', 'createMockConnectedAccount', 'setMockClock', 'getMockFaults', 'addMockFault', 'clearMockFaults'],
};

const ERROR_ENVELOPE_REF = {
  'tool-router': '#/components/schemas/ErrorEnvelope',
  'control-plane': './tool-router.v3.1.yaml#/components/schemas/ErrorEnvelope',
} as Record<string, string>;

/** Error statuses every operation must document (the control plane documents what applies to it). */
const REQUIRED_ERRORS: Record<string, string[]> = {
  'tool-router': ['400', '401', '404', '429', '500'],
  'control-plane': ['500'],
};

describe.each(Object.keys(docs))('%s document', (doc) => {
  const ops = operations(doc);

  test('every $ref resolves', () => {
    const broken = allRefs(docs[doc], '')
      .filter(({ ref }) => at(refTarget(ref, doc)) === undefined)
      .map(({ pointer, ref }) => `${pointer}: ${ref}`);
    expect(broken).toEqual([]);
  });

  test('operationIds are unique and exactly the expected set', () => {
    const found = ops.map((o) => o.op.operationId as string);
    expect(new Set(found).size).toBe(found.length);
    expect([...found].sort()).toEqual([...EXPECTED_IDS[doc]!].sort());
  });

  test('every component schema compiles in Ajv strict mode', () => {
    const failures: string[] = [];
    for (const name of Object.keys(docs[doc]!.components.schemas)) {
      try {
        validator.getValidator(`${ids[doc]}#/components/schemas/${escape(name)}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('schemas use only JSON Schema 2020-12 keywords (no nullable, example, discriminator, x-)', () => {
    // Ajv accepts OpenAPI's `nullable` even in strict mode, so this is checked by hand.
    const found: string[] = [];
    for (const { pointer, schema } of allSchemas(docs[doc]!)) {
      for (const key of Object.keys(schema)) if (!ALLOWED_KEYWORDS.has(key)) found.push(`${pointer}/${key}`);
    }
    expect(found).toEqual([]);
  });

  test.each(ops.map((o) => [o.op.operationId as string, o] as const))('%s: success response, errors, headers, security', (_id, o) => {
    const responses = o.op.responses as Json;
    const success = Object.keys(responses).filter((c) => /^2\d\d$/.test(c));
    expect(success, 'exactly one 2xx response').toHaveLength(1);
    const ok = deref({ doc, pointer: `${o.loc.pointer}/responses/${success[0]}` }).node;
    expect((ok.content as Json | undefined)?.['application/json'], 'JSON success body').toMatchObject({ schema: expect.any(Object) });

    for (const code of REQUIRED_ERRORS[doc]!) expect(Object.keys(responses), `documents ${code}`).toContain(code);
    for (const code of Object.keys(responses).filter((c) => /^[45]\d\d$/.test(c))) {
      const res = deref({ doc, pointer: `${o.loc.pointer}/responses/${code}` });
      const schema = ((res.node.content as Json)['application/json'] as Json).schema as Json;
      const expectedRef = res.loc.doc === doc ? ERROR_ENVELOPE_REF[doc] : ERROR_ENVELOPE_REF[res.loc.doc];
      expect(schema.$ref, `${code} uses ErrorEnvelope`).toBe(expectedRef);
      if (code === '429') expect(Object.keys(res.node.headers as Json), '429 documents retry-after').toContain('retry-after');
    }

    for (const code of Object.keys(responses)) {
      const res = deref({ doc, pointer: `${o.loc.pointer}/responses/${code}` }).node;
      expect(Object.keys((res.headers ?? {}) as Json), `${code} documents x-request-id`).toContain('x-request-id');
    }

    const security = o.op.security as Json[] | undefined;
    expect(security, 'operation declares its security').toBeDefined();
    const schemes = Object.keys(docs[doc]!.components.securitySchemes as Json);
    for (const requirement of security!) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
    if (doc === 'tool-router') expect(security).toContainEqual({ ApiKeyAuth: [] });
  });

  test.each(ops.map((o) => [o.op.operationId as string, o] as const))('%s: every example validates against its schema', (_id, o) => {
    const { request, response, parameter } = exampleCases(o);
    expect(response.length, 'at least one success example').toBeGreaterThan(0);
    if (o.op.requestBody) expect(request.length, 'at least one request example').toBeGreaterThan(0);
    else if (doc === 'tool-router') expect(parameter.length, 'a parameter example stands in for the request').toBeGreaterThan(0);
    expect([...request, ...response, ...parameter].flatMap(validate)).toEqual([]);
  });
});

describe('tool-router specifics', () => {
  const d = docs['tool-router']!;

  test('security schemes: x-api-key everywhere, x-user-api-key as an alternative on proxyExecute', () => {
    expect(d.components.securitySchemes).toMatchObject({
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      UserApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-user-api-key' },
    });
    expect(d.security).toEqual([{ ApiKeyAuth: [] }]);
    const proxy = d.paths['/api/v3.1/tool_router/session/{session_id}/proxy_execute']!.post as Json;
    expect(proxy.security).toEqual([{ ApiKeyAuth: [] }, { UserApiKeyAuth: [] }]);
  });

  test('status codes beyond the common set: 413 with a body, 403 on link/toolkits, 409 on patch', () => {
    const codes = (id: string) => {
      for (const item of Object.values(d.paths)) {
        for (const op of Object.values(item) as Json[]) if (op?.operationId === id) return Object.keys(op.responses as Json);
      }
      throw new Error(`no operation ${id}`);
    };
    for (const o of operations('tool-router').filter((op) => op.op.requestBody)) {
      expect(codes(o.op.operationId as string), `${o.op.operationId as string} documents 413`).toContain('413');
    }
    expect(codes('createLink')).toContain('403');
    expect(codes('listSessionToolkits')).toContain('403');
    expect(codes('patchSession')).toContain('409');
    expect(codes('createSession')).toContain('405');
  });

  test('constraints stated by the sources are in the schemas', () => {
    const s = d.components.schemas as Record<string, Json>;
    const prop = (schema: string, key: string) => (s[schema]!.properties as Record<string, Json>)[key]!;
    expect(prop('MultiAccountInput', 'max_accounts_per_toolkit')).toMatchObject({ minimum: 2, maximum: 10 });
    // Search query limits are enforced per query, in-band, so they live in the descriptions.
    expect(prop('SearchQuery', 'use_case')).not.toHaveProperty('maxLength');
    expect((prop('SearchQuery', 'use_case') as { description: string }).description).toContain('1024');
    expect((prop('SearchQuery', 'known_fields') as { description: string }).description).toContain('500');
    expect(prop('MountItemsPage', 'next_cursor')).toEqual(expect.objectContaining({ type: 'string' }));
    expect(s.MountItemsPage!.required).not.toContain('next_cursor');
  });

  test('validator behaviour: spellings, oneOf alternatives and nullability', () => {
    const ok = (name: string, value: unknown) => validator.validateSchema(`tool-router#/components/schemas/${name}`, value).valid;
    expect(ok('SessionCreateRequest', { user_id: 'u', toolkits: { enable: ['github'] } })).toBe(true);
    expect(ok('SessionCreateRequest', { user_id: 'u', toolkits: { enabled: ['github'] } })).toBe(false);
    expect(ok('SessionCreateRequest', { user_id: 'u', toolkits: { enable: ['a'], disable: ['b'] } })).toBe(false);
    expect(ok('SessionCreateRequest', { user_id: 'u', multi_account: { max_accounts_per_toolkit: 11 } })).toBe(false);
    expect(ok('SessionCreateRequest', { user_id: 'u', preload: { tools: 'all' }, tags: ['readOnlyHint'] })).toBe(true);
    expect(ok('SessionPatchRequest', { multi_account: null, workbench: null, experimental: null })).toBe(true);
    expect(ok('SearchRequest', { queries: [{ use_case: 'x' }], toolkits: ['gmail'] })).toBe(true);
    expect(ok('ExecuteResponse', { data: {}, log_id: 'log_1' })).toBe(false);
    expect(ok('MountItemsPage', { items: [], next_cursor: null })).toBe(false);
    expect(ok('SessionDeleteResponse', { session_id: 'trs_1', deleted: false })).toBe(false);
  });
});
