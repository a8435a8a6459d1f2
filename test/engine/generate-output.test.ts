import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { faker as globalFaker } from '@faker-js/faker';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/engine/catalog-types.js';
import { generateFromSchema, type GenerateOptions, loadFaker } from '../../src/engine/generate-output.js';
import { stableStringify } from '../../src/engine/stable-stringify.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
beforeAll(() => loadFaker());

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const NOW = new Date('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const SEEDS = Array.from({ length: 40 }, (_, i) => i);

const issueSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    number: { type: 'integer', minimum: 1 },
    title: { type: 'string' },
    body: { type: ['string', 'null'] },
    state: { type: 'string', enum: ['open', 'closed'] },
    html_url: { type: 'string', format: 'uri' },
    created_at: { type: 'string', format: 'date-time' },
    user: {
      type: 'object',
      properties: { login: { type: 'string' }, id: { type: 'integer' }, email: { type: 'string', format: 'email' } },
      required: ['login'],
    },
    labels: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, color: { type: 'string' } } },
    },
  },
  required: ['id', 'title'],
};

function run(schema: JsonSchema, overrides: Partial<GenerateOptions> = {}): unknown {
  return generateFromSchema(schema, { seed: 7, context: 'GITHUB_CREATE_AN_ISSUE', now: NOW, ...overrides });
}

function asRecord(value: unknown): Record<string, unknown> {
  expect(value).toBeTypeOf('object');
  expect(value).not.toBeNull();
  return value as Record<string, unknown>;
}

describe('generateFromSchema: determinism', () => {
  it('gives deep-equal output for the same inputs, whatever the global faker does in between', () => {
    const first = run(issueSchema, { args: { owner: 'acme', repo: 'web' } });
    globalFaker.seed(123);
    globalFaker.lorem.paragraphs(5);
    const second = run(issueSchema, { args: { repo: 'web', owner: 'acme' } });
    expect(second).toEqual(first);
  });

  it('gives the same output in another process', () => {
    const options = { seed: 'abc', context: 'SLACK_SEND_MESSAGE', args: { text: 'hi' }, now: NOW };
    const module = fileURLToPath(new URL('../../src/engine/generate-output.ts', import.meta.url));
    const script = `
      const { generateFromSchema, loadFaker } = await import(${JSON.stringify(module)});
      await loadFaker();
      const options = ${JSON.stringify(options)};
      process.stdout.write(JSON.stringify(generateFromSchema(${JSON.stringify(issueSchema)}, { ...options, now: new Date(options.now) })));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual(generateFromSchema(issueSchema, options));
  });

  it('changes with the arguments, the context and the seed', () => {
    const base = run(issueSchema, { args: { owner: 'acme' } });
    expect(run(issueSchema, { args: { owner: 'other' } })).not.toEqual(base);
    expect(run(issueSchema, { args: { owner: 'acme' }, context: 'GITHUB_GET_AN_ISSUE' })).not.toEqual(base);
    expect(run(issueSchema, { args: { owner: 'acme' }, seed: 8 })).not.toEqual(base);
  });

  it('keeps sibling values stable when a property is added to the schema', () => {
    const before = asRecord(run(issueSchema));
    const properties = { extra: { type: 'string' }, ...(issueSchema.properties as JsonSchema) };
    const after = asRecord(run({ ...issueSchema, properties }));
    expect(after.title).toBe(before.title);
    expect(after.user).toEqual(before.user);
  });
});

describe('generateFromSchema: echoing arguments', () => {
  it('echoes a top-level argument of a fitting type verbatim', () => {
    const data = asRecord(run(issueSchema, { args: { title: 'Crash on login', number: 42, body: null } }));
    expect(data.title).toBe('Crash on login');
    expect(data.number).toBe(42);
    expect(data.body).toBeNull();
  });

  it('echoes into an object at depth 1', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { issue: { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } } } },
    };
    const data = asRecord(run(schema, { args: { title: 'Typo in README' } }));
    expect(asRecord(data.issue).title).toBe('Typo in README');
    expect(asRecord(data.issue).body).toBeTypeOf('string');
  });

  it('echoes at depth 2 but not deeper, nor into arrays that are not the main list', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        a: {
          type: 'object',
          properties: { b: { type: 'object', properties: { title: { type: 'string' }, c: { type: 'object', properties: { title: { type: 'string' } } } } } },
        },
        items: { type: 'array', minItems: 1, items: { type: 'object', properties: { title: { type: 'string' } } } },
      },
    };
    const data = asRecord(run(schema, { args: { title: 'Echo me' } }));
    const b = asRecord(asRecord(data.a).b);
    expect(b.title).toBe('Echo me');
    expect(asRecord(b.c).title).not.toBe('Echo me');
    // `title` is taken at object levels, so it is not also a filter of the list items.
    for (const item of data.items as unknown[]) expect(asRecord(item).title).not.toBe('Echo me');
  });

  it('does not echo an argument of the wrong type or outside the enum', () => {
    const data = asRecord(run(issueSchema, { args: { title: 12, number: 'seven', state: 'merged', id: 1.5 } }));
    expect(data.title).toBeTypeOf('string');
    expect(data.number).toBeTypeOf('number');
    expect(['open', 'closed']).toContain(data.state);
    expect(Number.isInteger(data.id)).toBe(true);
  });

  it('echoes anything into an untyped property, and an integer into a number property', () => {
    const schema: JsonSchema = { type: 'object', properties: { payload: {}, ratio: { type: 'number' } } };
    const payload = { nested: [1, 'two', null] };
    const data = asRecord(run(schema, { args: { payload, ratio: 3 } }));
    expect(data.payload).toEqual(payload);
    expect(data.payload).not.toBe(payload);
    expect(data.ratio).toBe(3);
  });

  it('ignores inherited keys of the arguments object', () => {
    const schema: JsonSchema = { type: 'object', properties: { constructor: {}, toString: {} } };
    const data = asRecord(run(schema, { args: {} }));
    expect(data.constructor).toBeTypeOf('string');
    expect(data.toString).toBeTypeOf('string');
  });
});

describe('generateFromSchema: formats, names and keywords', () => {
  const formats: JsonSchema = {
    type: 'object',
    properties: {
      at: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      mail: { type: 'string', format: 'email' },
      link: { type: 'string', format: 'uri' },
      key: { type: 'string', format: 'uuid' },
      host: { type: 'string', format: 'hostname' },
      ip: { type: 'string', format: 'ipv4' },
    },
  };

  it.each(SEEDS.slice(0, 10))('produces parseable formats (seed %i)', (seed) => {
    const data = asRecord(run(formats, { seed }));
    const at = Date.parse(String(data.at));
    expect(at).toBeLessThanOrEqual(NOW.getTime());
    expect(at).toBeGreaterThanOrEqual(NOW.getTime() - 30 * DAY);
    expect(String(data.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(data.mail)).toContain('@');
    expect(new URL(String(data.link)).protocol).toBe('https:');
    expect(String(data.key)).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(data.ip).split('.')).toHaveLength(4);
    expect(ajv.validate(formats, data)).toBe(true);
  });

  it('uses a fixed instant, not the wall clock, when `now` is omitted', () => {
    const schema: JsonSchema = { type: 'object', properties: { created_at: { type: 'string' } } };
    const data = asRecord(generateFromSchema(schema, { seed: 1, context: 'x' }));
    expect(Date.parse(String(data.created_at))).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('picks realistic values from property names, in snake or camel case', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        thread_id: { type: 'string' },
        from: { type: 'string' },
        avatarUrl: { type: 'string' },
        updatedAt: { type: 'string' },
        messagesTotal: { type: 'integer' },
        channel: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    };
    const data = asRecord(run(schema));
    expect(String(data.thread_id)).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(String(data.from)).toContain('@');
    expect(() => new URL(String(data.avatarUrl))).not.toThrow();
    expect(Number.isNaN(Date.parse(String(data.updatedAt)))).toBe(false);
    expect(data.messagesTotal).toBeLessThanOrEqual(100);
    expect(String(data.channel)).toMatch(/^C0[A-Z0-9]{9}$/);
    expect((data.tags as unknown[]).length).toBeGreaterThanOrEqual(1);
  });

  it('respects enums and integer bounds on every seed', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['queued', 'done'] },
        count: { type: 'integer', minimum: 200, maximum: 205 },
        id: { type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 13 },
        score: { type: 'number', minimum: -1, maximum: -0.5 },
      },
    };
    for (const seed of SEEDS) {
      const data = asRecord(run(schema, { seed }));
      expect(['queued', 'done']).toContain(data.status);
      expect(Number.isInteger(data.count) && Number(data.count) >= 200 && Number(data.count) <= 205).toBe(true);
      expect([11, 12]).toContain(data.id);
      expect(Number(data.score)).toBeGreaterThanOrEqual(-1);
      expect(Number(data.score)).toBeLessThanOrEqual(-0.5);
    }
  });

  it('prefers the non-null type of a type array, and null when that is all there is', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        a: { type: ['null', 'string'] },
        b: { type: ['integer', 'null'] },
        c: { type: 'null' },
        d: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
      },
    };
    const data = asRecord(run(schema));
    expect(data.a).toBeTypeOf('string');
    expect(Number.isInteger(data.b)).toBe(true);
    expect(data.c).toBeNull();
    expect(data.d).toBeTypeOf('boolean');
  });

  it('uses const, the first example and the default, and honours simple patterns', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        object: { const: 'issue' },
        default_branch: { type: 'string', examples: ['main', 'develop'] },
        archived: { type: 'boolean', default: false },
        code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
        weird: { type: 'string', pattern: '^(foo|bar)+$' },
      },
    };
    const data = asRecord(run(schema));
    expect(data.object).toBe('issue');
    expect(data.default_branch).toBe('main');
    expect(data.archived).toBe(false);
    expect(String(data.code)).toMatch(/^[A-Z]{3}-\d{4}$/);
    // Not a simple pattern: documented fallback to a plain word.
    expect(data.weird).toBeTypeOf('string');
  });

  it('returns null for $ref, which is not supported', () => {
    const data = asRecord(run({ type: 'object', properties: { owner: { $ref: '#/$defs/user' } } }));
    expect(data.owner).toBeNull();
  });

  it('generates every property, required or not', () => {
    const data = asRecord(run(issueSchema));
    expect(Object.keys(data).sort()).toEqual(Object.keys(issueSchema.properties as JsonSchema).sort());
  });
});

describe('generateFromSchema: output validates against its schema', () => {
  const schemas: Record<string, JsonSchema> = {
    issue: issueSchema,
    messages: {
      type: 'object',
      properties: {
        messages: {
          type: 'array',
          minItems: 2,
          maxItems: 4,
          items: {
            type: 'object',
            properties: {
              messageId: { type: 'string' },
              threadId: { type: 'string' },
              to: { type: 'array', items: { type: 'string', format: 'email' } },
              labelIds: { type: 'array', uniqueItems: true, items: { type: 'string' } },
              attachments: {
                type: 'array',
                items: { type: 'object', properties: { filename: { type: 'string' }, size: { type: 'integer', minimum: 0 } } },
              },
            },
            required: ['messageId'],
          },
        },
        nextPageToken: { type: ['string', 'null'] },
        resultSizeEstimate: { type: 'integer' },
      },
    },
    lengths: {
      type: 'object',
      properties: {
        short: { type: 'string', maxLength: 3 },
        long: { type: 'string', minLength: 40 },
        title: { type: 'string', minLength: 5, maxLength: 8 },
      },
    },
    numbers: {
      type: 'object',
      properties: {
        price: { type: 'number', minimum: 0.5, maximum: 0.75 },
        even: { type: 'integer', multipleOf: 2, minimum: 3, maximum: 9 },
        positive: { type: 'number', exclusiveMinimum: 0, maximum: 0.01 },
        negative: { type: 'integer', maximum: -5 },
        cents: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 5 },
      },
    },
    allOf: {
      allOf: [
        { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        { type: 'object', properties: { name: { type: 'string' }, id: { type: 'string', minLength: 20 } }, required: ['name'] },
      ],
    },
    oneOf: {
      type: 'object',
      properties: {
        result: { oneOf: [{ type: 'object', properties: { ok: { const: true } }, required: ['ok'] }, { type: 'string' }] },
        nullable: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 5, maximum: 5 }] },
      },
    },
    requiredWithoutProperties: {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: { type: 'integer' },
      properties: { c: { type: 'boolean' } },
    },
    topLevelArray: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } },
    untyped: { properties: { anything: {}, list: { items: { enum: [1, 'a', null] } }, sample: { default: 3 } } },
    nestedArrays: {
      type: 'object',
      properties: {
        matrix: { type: 'array', items: { type: 'array', minItems: 2, items: { type: 'number', minimum: 0, maximum: 1 } } },
        groups: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              members: {
                type: 'array',
                items: { type: 'object', properties: { user: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } },
              },
            },
          },
        },
      },
    },
    slack: {
      type: 'object',
      properties: {
        ok: { type: 'boolean' },
        channel: { type: 'string', pattern: '^C[A-Z0-9]{8,10}$' },
        ts: { type: 'string', pattern: '^\\d{10}\\.\\d{6}$' },
        message: { type: 'object', properties: { text: { type: 'string' }, user: { type: 'string' }, type: { const: 'message' } } },
      },
      required: ['ok', 'channel', 'ts'],
    },
    formats: {
      type: 'object',
      properties: {
        day: { type: 'string', format: 'date' },
        time: { type: 'string', format: 'time' },
        v6: { type: 'string', format: 'ipv6' },
        domain: { type: 'string', format: 'hostname' },
        page: { type: 'string', format: 'url' },
        duration: { type: 'string', format: 'duration' },
      },
    },
  };

  it.each(Object.entries(schemas))('%s', (_name, schema) => {
    const validate = ajv.compile(schema);
    for (const seed of SEEDS) {
      const data = run(schema, { seed, args: { title: 'Hello', id: 'abcdefghijklmnopqrstuvwxyz', size: -1 } });
      if (!validate(data)) {
        throw new Error(`seed ${seed}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data, null, 2)}`);
      }
    }
  });
});

describe('generateFromSchema: hostile schemas', () => {
  it('stays bounded on 100 levels of nesting and huge size keywords', () => {
    let deep: JsonSchema = { type: 'string' };
    for (let i = 0; i < 100; i++) {
      deep = { type: 'object', properties: { child: deep, list: { type: 'array', maxItems: 1e9, items: deep } } };
    }
    const hostile: JsonSchema = {
      type: 'object',
      properties: {
        deep,
        many: { type: 'array', minItems: 1e9, maxItems: 1e9, items: { type: 'string', minLength: 1e9 } },
        quantified: { type: 'string', pattern: '^a{1000000000}$' },
        chain: { allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{ allOf: [{}] }] }] }] }] }] }] }] }] }] },
      },
    };
    const started = performance.now();
    const data = asRecord(run(hostile));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(stableStringify(data).length).toBeLessThan(1_000_000);
    expect((data.many as unknown[]).length).toBeLessThanOrEqual(10);
    let depth = 0;
    for (let node: unknown = data.deep; node && typeof node === 'object'; node = (node as JsonSchema).child) depth++;
    expect(depth).toBeLessThanOrEqual(6);
  });

  it('stays bounded on a wide schema that multiplies through arrays', () => {
    const wide = (inner: JsonSchema): JsonSchema => ({
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, { type: 'array', minItems: 10, items: inner }])),
    });
    const schema = wide(wide(wide(wide({ type: 'string' }))));
    const started = performance.now();
    run(schema);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('stableStringify', () => {
  it('ignores key order at every level and follows JSON otherwise', () => {
    expect(stableStringify({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(stableStringify({ x: { b: 1, a: 2 } })).toBe(stableStringify({ x: { a: 2, b: 1 } }));
    expect(stableStringify(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(stableStringify(undefined)).toBe('null');
  });

  it('throws on cycles but accepts shared references', () => {
    const shared = { a: 1 };
    expect(stableStringify([shared, shared])).toBe('[{"a":1},{"a":1}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stableStringify(cyclic)).toThrow(TypeError);
  });
});
