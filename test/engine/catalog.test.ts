import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ToolSchema } from '@composio/core';
import { BUILTIN_FIXTURES_DIR, CatalogError, loadCatalog } from '../../src/engine/catalog.js';
import type { CatalogToolkit } from '../../src/engine/catalog-types.js';
import { toWireTool, type WireTool } from '../../src/engine/wire-tool.js';
import { createSpecValidator, schemaRef } from '../../src/spec/compile.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];
const catalog = loadCatalog();

const temps: string[] = [];
function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'composio-mock-fixtures-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A small valid toolkit for user-fixture tests. */
function userToolkit(slug: string, toolSlugs: string[]): CatalogToolkit {
  return {
    slug,
    name: slug.toUpperCase(),
    description: `${slug} test toolkit`,
    logo: `https://logos.composio.dev/api/${slug}`,
    categories: ['testing'],
    is_no_auth: false,
    composio_managed_auth_schemes: ['API_KEY'],
    base_url: 'https://api.example.com',
    tools: toolSlugs.map((toolSlug) => ({
      slug: toolSlug,
      name: 'Do thing',
      description: 'Does the thing.',
      tags: ['openWorldHint'],
      scopes: [],
      input_parameters: { type: 'object', properties: { id: { type: 'string', description: 'Id' } }, required: ['id'] },
      output_parameters: { type: 'object', properties: { ok: { type: 'boolean' } } },
      version: '20250101_00',
      available_versions: ['20250101_00'],
    })),
  };
}

function loadError(dir: string): CatalogError {
  try {
    loadCatalog({ fixtureDirs: [dir] });
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('built-in catalog', () => {
  it('has the promised breadth', () => {
    expect(catalog.toolkits.length).toBeGreaterThanOrEqual(14);
    expect(catalog.toolkits.filter((t) => t.is_no_auth).length).toBeGreaterThanOrEqual(2);
    expect(catalog.tools.length).toBeGreaterThanOrEqual(130);
    for (const toolkit of catalog.toolkits) expect(toolkit.tools.length, toolkit.slug).toBeGreaterThanOrEqual(8);
    const slugs = catalog.toolkits.map((t) => t.slug);
    for (const required of ['github', 'gmail', 'slack', 'notion', 'linear', 'googlecalendar', 'googledrive', 'jira', 'hubspot', 'asana', 'discord', 'salesforce']) {
      expect(slugs).toContain(required);
    }
  });

  it('names each file after its toolkit and keeps toolkit meta realistic', () => {
    for (const file of readdirSync(BUILTIN_FIXTURES_DIR).filter((f) => f.endsWith('.json'))) {
      const toolkit = catalog.getToolkit(file.replace(/\.json$/, ''));
      expect(toolkit, file).toBeDefined();
    }
    for (const toolkit of catalog.toolkits) {
      expect(toolkit.logo).toBe(`https://logos.composio.dev/api/${toolkit.slug}`);
      expect(toolkit.base_url).toMatch(/^https:\/\//);
      expect(toolkit.categories.length).toBeGreaterThan(0);
      if (toolkit.is_no_auth) expect(toolkit.composio_managed_auth_schemes).toEqual([]);
      else expect(toolkit.composio_managed_auth_schemes.length).toBeGreaterThan(0);
    }
  });

  it('gives every tool a hint tag, a topical tag, a current version and scopes where auth is needed', () => {
    for (const toolkit of catalog.toolkits) {
      for (const tool of toolkit.tools) {
        expect(tool.tags.some((t) => HINTS.includes(t)), tool.slug).toBe(true);
        expect(tool.tags.some((t) => !HINTS.includes(t)), tool.slug).toBe(true);
        expect(tool.available_versions).toContain(tool.version);
        if (toolkit.is_no_auth) expect(tool.scopes, tool.slug).toEqual([]);
        expect(tool.description.length, tool.slug).toBeGreaterThan(40);
      }
    }
    const scoped = catalog.tools.filter((t) => t.scopes.length > 0).length;
    expect(scoped).toBeGreaterThan(100);
  });

  it('fixture schema is itself a valid 2020-12 schema, and every fixture file validates against it', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../mocks/fixtures/toolkit.schema.json', import.meta.url)), 'utf8'));
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
    const validate = ajv.compile(schema);
    for (const file of readdirSync(BUILTIN_FIXTURES_DIR).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(path.join(BUILTIN_FIXTURES_DIR, file), 'utf8'));
      expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('the built-in fixtures pass every check a user fixture gets (they are trusted at start, so this test is their gate)', () => {
    const checked = loadCatalog({ builtinDir: null, fixtureDirs: [BUILTIN_FIXTURES_DIR] });
    const trusted = loadCatalog();
    expect(checked.tools.map((t) => t.slug)).toEqual(trusted.tools.map((t) => t.slug));
  });

  it('every input and output schema compiles with strict Ajv (meta-schema checked)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const keyword of ['file_uploadable', 'file_downloadable']) ajv.addKeyword(keyword);
    for (const tool of catalog.tools) {
      expect(() => ajv.compile(tool.input_parameters), tool.slug).not.toThrow();
      expect(() => ajv.compile(tool.output_parameters), tool.slug).not.toThrow();
    }
  });

  it('loads in a few tens of milliseconds once Ajv is warm', () => {
    const start = performance.now();
    loadCatalog();
    const elapsed = performance.now() - start;
    console.log(`catalog load (warm): ${elapsed.toFixed(1)} ms for ${catalog.tools.length} tools`);
    expect(elapsed).toBeLessThan(250); // generous for loaded CI machines; typically ~15-30 ms
  });
});

describe('lookups', () => {
  it('finds toolkits and tools case-insensitively', () => {
    expect(catalog.getToolkit('GitHub')?.slug).toBe('github');
    expect(catalog.getTool('github_create_an_issue')?.slug).toBe('GITHUB_CREATE_AN_ISSUE');
    expect(catalog.getTool('GITHUB_CREATE_AN_ISSUE')?.toolkit).toBe('github');
    expect(catalog.toolkitOfTool('slack_send_message')?.name).toBe('Slack');
    expect(catalog.getTool('NOPE_NOTHING')).toBeUndefined();
    expect(catalog.toolkitOfTool('NOPE_NOTHING')).toBeUndefined();
  });

  it('validates arguments against the input schema, with pointers, and caches the validator', () => {
    const validate = catalog.getInputValidator('GITHUB_CREATE_AN_ISSUE');
    expect(validate).toBeDefined();
    expect(validate!({ owner: 'octocat', repo: 'hello-world', title: 'Crash' })).toEqual([]);
    expect(validate!({ owner: 'octocat', labels: 'bug' })).toEqual(['/repo: is required', '/title: is required', '/labels: must be array']);
    expect(catalog.getInputValidator('github_create_an_issue')).toBe(validate);
    expect(catalog.getInputValidator('GMAIL_FETCH_EMAILS')!({ max_results: 0 })).toEqual(['/max_results: must be >= 1']);
    expect(catalog.getInputValidator('LINEAR_CREATE_LINEAR_ISSUE')!({ team_id: 't', title: 'x', priority: 9 })[0]).toMatch(/^\/priority: must be one of \[0,1,2,3,4\]/);
    expect(catalog.getInputValidator('NOPE_NOTHING')).toBeUndefined();
  });
});

describe('user fixtures (--fixtures DIR)', () => {
  it('adds new toolkits and replaces built-in ones with the same slug', () => {
    const dir = tempDir({
      'acme.json': userToolkit('acme', ['ACME_DO_THING', 'ACME_OTHER_THING']),
      'github.json': userToolkit('github', ['GITHUB_ONLY_TOOL']),
      'notes.txt': 'ignored: not json',
    });
    const custom = loadCatalog({ fixtureDirs: [dir] });
    expect(custom.getToolkit('acme')?.tools).toHaveLength(2);
    expect(custom.getTool('acme_do_thing')?.toolkit).toBe('acme');
    expect(custom.getToolkit('github')?.tools.map((t) => t.slug)).toEqual(['GITHUB_ONLY_TOOL']);
    expect(custom.getTool('GITHUB_CREATE_AN_ISSUE')).toBeUndefined();
    expect(custom.toolkits.length).toBe(catalog.toolkits.length + 1);
    // the replacement keeps the built-in position; new toolkits come after the built-in ones
    expect(custom.toolkits.findIndex((t) => t.slug === 'github')).toBe(catalog.toolkits.findIndex((t) => t.slug === 'github'));
    expect(custom.toolkits.at(-1)?.slug).toBe('acme');
    expect(custom.getInputValidator('ACME_DO_THING')!({})).toEqual(['/id: is required']);
  });

  it('a later directory overrides an earlier one', () => {
    const first = tempDir({ 'acme.json': userToolkit('acme', ['ACME_ONE']) });
    const second = tempDir({ 'acme.json': userToolkit('acme', ['ACME_TWO']) });
    const custom = loadCatalog({ fixtureDirs: [first, second] });
    expect(custom.getToolkit('acme')?.tools.map((t) => t.slug)).toEqual(['ACME_TWO']);
  });

  it('reports every problem of every file, each with the file and a JSON pointer', () => {
    const badSlug = userToolkit('acme', ['ACME_OK', 'acme-lower']);
    const wrongPrefix = userToolkit('beta', ['GAMMA_THING']);
    const badVersion = userToolkit('delta', ['DELTA_THING']);
    badVersion.tools[0]!.version = '20250909_00';
    const badSchema = userToolkit('eps', ['EPS_THING']);
    badSchema.tools[0]!.input_parameters = {
      type: 'object',
      properties: { when: { type: 'strin', format: 'not-a-format' }, list: { type: 'array', items: { type: 'string' }, requried: true } },
      required: ['when', 'missing'],
    };
    const notObject = userToolkit('zeta', ['ZETA_THING']);
    notObject.tools[0]!.output_parameters = { type: 'array' };
    const missingField = userToolkit('eta', ['ETA_THING']) as Partial<CatalogToolkit>;
    delete missingField.base_url;
    // two toolkits whose prefixes both fit the same tool slug
    const dupA = userToolkit('git', ['GIT_HUB_SAME']);
    const dupB = userToolkit('git_hub', ['GIT_HUB_SAME']);
    const dir = tempDir({
      'acme.json': badSlug,
      'beta.json': wrongPrefix,
      'broken.json': '{ "slug": "broken", ',
      'delta.json': badVersion,
      'eps.json': badSchema,
      'eta.json': missingField,
      'git.json': dupA,
      'git_hub.json': dupB,
      'zeta.json': notObject,
    });
    const error = loadError(dir);
    const shown = (name: string) => {
      const rel = path.relative(process.cwd(), path.join(dir, name));
      return rel.startsWith('..') ? path.join(dir, name) : rel;
    };
    const expectProblem = (file: string, pointer: string, text: RegExp) => {
      const prefix = `${shown(file)}: ${pointer}: `;
      const hit = error.problems.find((p) => p.startsWith(prefix) && text.test(p.slice(prefix.length)));
      expect(hit, `${prefix}${text} in\n${error.problems.join('\n')}`).toBeDefined();
      expect(error.message).toContain(hit);
    };
    expectProblem('acme.json', '/tools/1/slug', /must match pattern/);
    expectProblem('beta.json', '/tools/0/slug', /must start with "BETA_"/);
    expectProblem('broken.json', '/', /invalid JSON/);
    expectProblem('delta.json', '/tools/0/version', /must be one of available_versions/);
    expectProblem('eps.json', '/tools/0/input_parameters/properties/when/type', /must be one of/);
    expectProblem('eps.json', '/tools/0/input_parameters/properties/when/format', /unknown format "not-a-format"/);
    expectProblem('eps.json', '/tools/0/input_parameters/properties/list/requried', /unknown JSON Schema keyword/);
    expectProblem('eps.json', '/tools/0/input_parameters/required/1', /"missing" is required but not in properties/);
    expectProblem('eta.json', '/base_url', /is required/);
    expectProblem('git_hub.json', '/tools/0/slug', /"GIT_HUB_SAME" is already defined by .*git\.json/);
    expectProblem('zeta.json', '/tools/0/output_parameters/type', /must be equal to constant/);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CatalogError');
    expect(error.problems.length).toBeGreaterThanOrEqual(11);
  });

  it('reports a missing directory', () => {
    const missing = path.join(tmpdir(), 'composio-mock-does-not-exist-dir');
    expect(loadError(missing).problems[0]).toMatch(/cannot read fixtures directory/);
  });

  it('rejects two files defining the same toolkit in one directory', () => {
    const dir = tempDir({ 'a.json': userToolkit('acme', ['ACME_ONE']), 'b.json': userToolkit('acme', ['ACME_TWO']) });
    expect(loadError(dir).problems[0]).toMatch(/b\.json: \/slug: toolkit "acme" is already defined by .*a\.json/);
  });
});

describe('wire tool (GET .../tools items)', () => {
  const wire: WireTool[] = catalog.tools.map((tool) => toWireTool(tool, catalog.getToolkit(tool.toolkit)!));

  it('has every field the API returns', () => {
    for (const item of wire) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'slug', 'name', 'description', 'toolkit', 'input_parameters', 'output_parameters', 'no_auth', 'available_versions',
          'version', 'scopes', 'scope_requirements', 'tags', 'is_deprecated', 'deprecated',
          ...('human_description' in item ? ['human_description'] : []),
        ].sort(),
      );
      expect(item.scope_requirements).toBeNull();
      expect(item.deprecated).toEqual({
        displayName: item.name,
        version: item.version,
        available_versions: item.available_versions,
        is_deprecated: false,
        toolkit: { logo: item.toolkit.logo },
      });
    }
    const noAuth = wire.find((w) => w.toolkit.slug === 'hackernews')!;
    expect(noAuth.no_auth).toBe(true);
    expect(wire.find((w) => w.slug === 'GITHUB_CREATE_AN_ISSUE')!.toolkit).toEqual({
      slug: 'github',
      name: 'GitHub',
      logo: 'https://logos.composio.dev/api/github',
    });
  });

  it('does not share objects with the catalog', () => {
    const item = toWireTool(catalog.getTool('GITHUB_CREATE_AN_ISSUE')!, catalog.getToolkit('github')!);
    (item.input_parameters as { properties: Record<string, unknown> }).properties.extra = { type: 'string' };
    item.tags.push('mutated');
    expect(catalog.getTool('GITHUB_CREATE_AN_ISSUE')!.tags).not.toContain('mutated');
    expect((catalog.getTool('GITHUB_CREATE_AN_ISSUE')!.input_parameters as { properties: Record<string, unknown> }).properties.extra).toBeUndefined();
  });

  it('parses with @composio/core ToolSchema, as session.tools() does, for every tool', () => {
    // mirrors Tools.transformToolCases in @composio/core 0.19.0 (src/models/Tools.ts)
    const normalize = (params: Record<string, unknown> | null | undefined) =>
      params == null || Object.keys(params).length === 0 ? undefined : params;
    for (const item of wire) {
      const result = ToolSchema.safeParse({
        ...item,
        inputParameters: normalize(item.input_parameters),
        outputParameters: normalize(item.output_parameters),
        availableVersions: item.available_versions,
        isDeprecated: item.deprecated?.is_deprecated ?? false,
        isNoAuth: item.no_auth,
      });
      expect(result.success, `${item.slug}: ${result.success ? '' : result.error.message}`).toBe(true);
      if (!result.success) continue;
      expect(result.data.slug).toBe(item.slug);
      expect(result.data.inputParameters?.type).toBe('object');
      expect(result.data.outputParameters?.type).toBe('object');
      expect(result.data.availableVersions).toEqual(item.available_versions);
      expect(result.data.isNoAuth).toBe(item.no_auth);
      expect(result.data.toolkit).toEqual(item.toolkit);
      expect(Object.keys(result.data.inputParameters?.properties ?? {})).toEqual(Object.keys((item.input_parameters.properties as object) ?? {}));
    }
  });

  it('validates against the OpenAPI document\'s Tool schema', () => {
    const spec = createSpecValidator();
    for (const item of wire) {
      const { valid, errors } = spec.validateSchema(schemaRef('Tool'), item);
      expect(valid, `${item.slug}: ${JSON.stringify(errors)}`).toBe(true);
    }
  });
});

