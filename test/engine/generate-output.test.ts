import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { faker as globalFaker } from '@faker-js/faker';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog.js';
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

  it('uses const, one of the examples and the default, and honours simple patterns', () => {
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
    // Examples are picked at random, so a list of them varies like real data.
    const branches = new Set(SEEDS.map((seed) => asRecord(run(schema, { seed })).default_branch));
    expect([...branches].sort()).toEqual(['develop', 'main']);
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

describe('generateFromSchema: list size and filters', () => {
  const issue: JsonSchema = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      state: { type: 'string', enum: ['open', 'closed'] },
      status: { type: 'object', properties: { name: { type: 'string' } } },
      labels: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } },
      sender: { type: 'string' },
    },
  };
  const topLevel: JsonSchema = { type: 'object', properties: { data: { type: 'array', items: issue } } };
  const nested: JsonSchema = {
    type: 'object',
    properties: { data: { type: 'object', properties: { total: { type: 'integer' }, messages: { type: 'array', minItems: 2, maxItems: 6, items: issue } } } },
  };
  const list = (schema: JsonSchema, args: Record<string, unknown>, seed = 7) => {
    const data = asRecord(run(schema, { args, seed, context: 'ACME_LIST_ISSUES' })).data;
    return Array.isArray(data) ? (data as Record<string, any>[]) : (asRecord(data).messages as Record<string, any>[]);
  };

  it.each(['per_page', 'limit', 'max_results', 'maxResults', 'count', 'page_size', 'top', 'n'])('%s bounds the main array', (name) => {
    for (const seed of SEEDS.slice(0, 10)) {
      expect(list(topLevel, { [name]: 1 }, seed)).toHaveLength(1);
      expect(list(topLevel, { [name]: 2 }, seed).length).toBeLessThanOrEqual(2);
    }
  });

  it('bounds an array one level down, never below its own minItems', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      expect(list(nested, { limit: 1 }, seed)).toHaveLength(2);
      expect(list(nested, { limit: 50 }, seed).length).toBeLessThanOrEqual(6);
    }
  });

  it('echoes a fitting filter into every item, into an object it names, never into item ids', () => {
    const items = list(topLevel, { state: 'closed', status: 'In Progress', id: 5, per_page: 3 });
    for (const item of items) {
      expect(item.state).toBe('closed');
      expect(item.status.name).toBe('In Progress');
      expect(item.id).not.toBe(5);
    }
    // `all` is not one of the item's states: not echoed.
    for (const item of list(topLevel, { state: 'all' })) expect(['open', 'closed']).toContain(item.state);
  });

  it('reads filters and the sender out of a search argument (Gmail and JQL styles)', () => {
    for (const item of list(nested, { query: 'from:boss@acme.com is:unread' })) expect(item.sender).toBe('boss@acme.com');
    for (const item of list(nested, { jql: 'state = closed AND project = PROJ' })) expect(item.state).toBe('closed');
  });

  it('turns a comma list or a string array into label objects of every item', () => {
    for (const item of list(topLevel, { labels: 'bug,ui' })) expect(item.labels.map((l: Record<string, unknown>) => l.name)).toEqual(['bug', 'ui']);
  });

  it('keeps a total at least as large as the listed items', () => {
    const schema: JsonSchema = { type: 'object', properties: { total: { type: 'integer', maximum: 0 }, items: { type: 'array', items: issue } } };
    // The bound wins over the rule: a total that may not grow stays valid.
    expect(asRecord(run(schema)).total).toBe(0);
    for (const seed of SEEDS.slice(0, 10)) {
      const page = asRecord(run(nested, { seed }));
      const data = asRecord(page.data);
      expect(data.total).toBeGreaterThanOrEqual((data.messages as unknown[]).length);
    }
  });
});

describe('generateFromSchema: echo forms', () => {
  it('echoes arrays of strings as one object per string, and scalars into the object they name', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        data: {
          type: 'object',
          properties: {
            labels: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } },
            assignees: { type: 'array', items: { type: 'object', properties: { login: { type: 'string' } } } },
            owner: { type: 'object', properties: { login: { type: 'string' }, id: { type: 'integer' } } },
          },
        },
      },
    };
    const data = asRecord(asRecord(run(schema, { args: { labels: ['bug', 'ui'], assignees: ['octocat'], owner: 'acme' } })).data);
    expect((data.labels as Record<string, unknown>[]).map((label) => label.name)).toEqual(['bug', 'ui']);
    expect((data.assignees as Record<string, unknown>[]).map((user) => user.login)).toEqual(['octocat']);
    expect(asRecord(data.owner).login).toBe('acme');
  });

  it('matches names normalized and as <object><key>, giving naive date-times their zone', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        start: { type: 'object', properties: { dateTime: { type: 'string', format: 'date-time' }, timeZone: { type: 'string' } } },
        end: { type: 'object', properties: { dateTime: { type: 'string', format: 'date-time' }, timeZone: { type: 'string' } } },
        messageId: { type: 'string' },
        amount: { type: 'string' },
      },
    };
    const data = asRecord(run(schema, { args: { start_datetime: '2026-07-01T09:00:00', time_zone: 'Europe/Paris', message_id: 'm1', amount: 1500, duration_minutes: 30 } }));
    expect(asRecord(data.start).dateTime).toBe('2026-07-01T09:00:00+02:00');
    expect(asRecord(data.start).timeZone).toBe('Europe/Paris');
    expect(asRecord(data.end).dateTime).toBe('2026-07-01T09:30:00+02:00');
    expect(data.messageId).toBe('m1');
    expect(data.amount).toBe('1500');
  });

  it('does not echo a value that breaks the property format', () => {
    const schema: JsonSchema = { type: 'object', properties: { email: { type: 'string', format: 'email' }, link: { type: 'string', format: 'uri' } } };
    const data = asRecord(run(schema, { args: { email: 'not an email', link: 'no link' } }));
    expect(data.email).not.toBe('not an email');
    expect(data.link).not.toBe('no link');
  });

  it('names a place-like object after a location argument', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { name: { type: 'string' }, country: { type: 'string' }, coord: { type: 'object', properties: { lat: { type: 'number' } } } },
    };
    const data = asRecord(run(schema, { args: { location: 'Lyon,FR' } }));
    expect(data.name).toBe('Lyon');
    expect(data.country).toBe('FR');
  });
});

describe('generateFromSchema: coherence within an object', () => {
  const record: JsonSchema = {
    type: 'object',
    properties: {
      state: { type: 'string', enum: ['open', 'closed'] },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
      closed_at: { type: 'string', format: 'date-time', nullable: true },
      due_on: { type: 'string', format: 'date' },
      start: { type: 'integer' },
      end: { type: 'integer' },
      temp_min: { type: 'number', minimum: -30, maximum: 45 },
      temp: { type: 'number', minimum: -30, maximum: 45 },
      temp_max: { type: 'number', minimum: -30, maximum: 45 },
    },
  };

  it.each(SEEDS)('orders times, nulls closed_at while open, keeps min <= value <= max (seed %i)', (seed) => {
    const data = asRecord(run(record, { seed, context: 'ACME_GET_RECORD' }));
    const created = Date.parse(String(data.created_at));
    expect(Date.parse(String(data.updated_at))).toBeGreaterThanOrEqual(created);
    if (data.state === 'open') expect(data.closed_at).toBeNull();
    else expect(Date.parse(String(data.closed_at))).toBeGreaterThanOrEqual(created);
    expect(Date.parse(`${String(data.due_on)}T23:59:59Z`)).toBeGreaterThanOrEqual(created);
    expect(Number(data.temp_min)).toBeLessThanOrEqual(Number(data.temp));
    expect(Number(data.temp)).toBeLessThanOrEqual(Number(data.temp_max));
    expect(ajv.validate(record, data)).toBe(true);
  });

  it('a create tool returns a new record: first state, created just now, nothing closed', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const data = asRecord(run(record, { seed, context: 'ACME_CREATE_RECORD' }));
      expect(data.state).toBe('open');
      expect(data.closed_at).toBeNull();
      expect(NOW.getTime() - Date.parse(String(data.created_at))).toBeLessThanOrEqual(90_000);
      expect(data.updated_at).toBe(data.created_at);
    }
  });

  it('fills `{placeholder}` URL templates and builds links on the toolkit host', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        number: { type: 'integer', minimum: 1, maximum: 50 },
        html_url: { type: 'string', format: 'uri', examples: ['https://tracker.example/{owner}/{repo}/issues/{number}'] },
        url: { type: 'string', format: 'uri' },
        user: { type: 'object', properties: { login: { type: 'string' }, html_url: { type: 'string', format: 'uri' } } },
      },
    };
    const data = asRecord(run(schema, { context: 'GITHUB_GET_AN_ISSUE|ca_1', args: { owner: 'acme', repo: 'web' } }));
    expect(data.html_url).toBe(`https://tracker.example/acme/web/issues/${String(data.number)}`);
    expect(data.url).toBe(`https://github.com/acme/web/${String(data.number)}`);
    expect(asRecord(data.user).html_url).toBe(`https://github.com/${String(asRecord(data.user).login)}`);
  });

  it('gives Jira-style keys the project key of the arguments', () => {
    const schema: JsonSchema = { type: 'object', properties: { key: { type: 'string', pattern: '^[A-Z]{2,4}-[1-9][0-9]{0,3}$' } } };
    expect(String(asRecord(run(schema, { args: { project_key: 'OPS' } })).key)).toMatch(/^OPS-\d+$/);
  });
});

describe('generateFromSchema: names by context', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      labels: { type: 'array', minItems: 3, items: { type: 'object', properties: { name: { type: 'string' } } } },
      channel: { type: 'object', properties: { name: { type: 'string' } } },
      repository: { type: 'object', properties: { name: { type: 'string' } } },
      assignee: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, login: { type: 'string' } } },
      timeZone: { type: 'string' },
      time_zone: { type: 'string' },
      id: { type: 'integer' },
      number: { type: 'integer' },
    },
  };

  it.each(SEEDS.slice(0, 10))('labels, channels and repos get thing names; people are one person (seed %i)', (seed) => {
    const data = asRecord(run(schema, { seed }));
    for (const label of data.labels as Record<string, unknown>[]) expect(label.name).toMatch(/^[a-z0-9][a-z0-9 -]*$/);
    expect(asRecord(data.channel).name).toMatch(/^[a-z][a-z-]*$/);
    expect(asRecord(data.repository).name).toMatch(/^[a-z0-9-]+$/);
    const person = asRecord(data.assignee);
    const [first = '', last = ''] = String(person.name).toLowerCase().replace(/[^a-z ]/g, '').split(' ');
    expect(String(person.email).toLowerCase()).toContain(first);
    expect(String(person.login)).toContain(last);
    expect(data.timeZone).toMatch(/^([A-Z][A-Za-z_]+\/[A-Za-z_]+|UTC)$/);
    expect(data.time_zone).toMatch(/^([A-Z][A-Za-z_]+\/[A-Za-z_]+|UTC)$/);
    expect(Number(data.id)).toBeGreaterThan(0);
    expect(Number(data.number)).toBeGreaterThan(0);
  });

  it('two contexts (accounts) give two people, one context always the same', () => {
    const me: JsonSchema = { type: 'object', properties: { data: { type: 'object', description: 'The authenticated user', properties: { login: { type: 'string' }, name: { type: 'string' } } } } };
    const work = run(me, { context: 'GITHUB_GET_THE_AUTHENTICATED_USER|ca_work' });
    expect(run(me, { context: 'GITHUB_GET_THE_AUTHENTICATED_USER|ca_work' })).toEqual(work);
    expect(run(me, { context: 'GITHUB_GET_THE_AUTHENTICATED_USER|ca_personal' })).not.toEqual(work);
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
    const data = asRecord(run(hostile));
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
    // 30 × 10 per level, four levels deep, would be 8.1e9 strings; the node budget stops at 2000.
    const countNodes = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Object.values(value).reduce((n: number, child) => n + countNodes(child), 0) : 1;
    expect(countNodes(run(schema))).toBeLessThanOrEqual(2001);
  });
});

describe('generateFromSchema: whole seconds and the memo', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: { id: { type: 'integer' }, title: { type: 'string' }, created_at: { type: 'string', format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' } },
  };
  const at = (iso: string) => asRecord(run(schema, { context: 'ACME_CREATE_RECORD', args: { title: 'Memo' }, now: new Date(iso) }));

  it('generates times from the whole second of `now`: calls within one second agree byte for byte', () => {
    const early = at('2026-03-10T12:00:00.000Z');
    expect(at('2026-03-10T12:00:00.750Z')).toEqual(early);
    expect(stableStringify(at('2026-03-10T12:00:00.999Z'))).toBe(stableStringify(early));
    expect(Date.parse(String(early.created_at))).toBeLessThanOrEqual(Date.parse('2026-03-10T12:00:00.000Z'));
  });

  it('moves the times, and only the times, with the next second', () => {
    const first = at('2026-03-10T12:00:00.000Z');
    const next = at('2026-03-10T12:00:01.000Z');
    expect(next.id).toBe(first.id);
    expect(next.title).toBe('Memo');
    expect(Date.parse(String(next.created_at)) - Date.parse(String(first.created_at))).toBe(1000);
  });

  it('returns data of its own on every call: changing one result leaves the next intact', () => {
    const first = at('2026-03-10T12:00:05.000Z');
    first.title = 'changed';
    delete first.id;
    const again = at('2026-03-10T12:00:05.000Z');
    expect(again.title).toBe('Memo');
    expect(typeof again.id).toBe('number');
  });

  it('recalls no output across seeds, contexts or arguments', () => {
    const base = { now: new Date('2026-03-10T12:00:00.000Z'), args: { title: 'Memo' } };
    const a = asRecord(run(schema, { ...base, seed: 1, context: 'ACME_GET_RECORD' }));
    expect(asRecord(run(schema, { ...base, seed: 2, context: 'ACME_GET_RECORD' })).id).not.toBe(a.id);
    expect(asRecord(run(schema, { ...base, seed: 1, context: 'ACME_GET_RECORD|ca_2' })).id).not.toBe(a.id);
    expect(asRecord(run(schema, { ...base, seed: 1, context: 'ACME_GET_RECORD', args: { title: 'Other' } })).title).toBe('Other');
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
