/**
 * Reused JSON texts of catalog schemas: the output must be exactly JSON.stringify's, a shared
 * value cannot change behind its text, and nothing a client sends can pass for a placeholder.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog.js';
import { markShared, stringifyWithShared } from '../../src/engine/shared-json.js';

describe('stringifyWithShared', () => {
  it('writes exactly what JSON.stringify writes, shared values anywhere in the body', () => {
    const schema = { type: 'object', properties: { title: { type: 'string', description: 'Quote " and \\ and \u2028' } }, required: ['title'] };
    markShared(schema);
    const body = { a: [schema, { nested: schema }], b: schema, c: null, d: 'plain', e: undefined, f: [undefined, 1.5] };
    expect(stringifyWithShared(body)).toBe(JSON.stringify(body));
    expect(stringifyWithShared(body)).toBe(JSON.stringify(body));
    expect(stringifyWithShared(schema)).toBe(JSON.stringify(schema));
  });

  it('freezes a shared value once its text is taken, so the text cannot go stale', () => {
    const schema: Record<string, unknown> = { type: 'object', properties: { n: { type: 'integer' } } };
    markShared(schema);
    stringifyWithShared({ schema });
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.properties)).toBe(true);
    expect(() => {
      'use strict';
      (schema.properties as Record<string, unknown>).m = { type: 'string' };
    }).toThrow(TypeError);
  });

  it('leaves strings that look like placeholders alone', () => {
    const schema = { type: 'string' };
    markShared(schema);
    const body = { sneaky: '\u0000deadbeefdeadbeef:0\u0000', schema, other: '"\\u0000x:0\\u0000"' };
    expect(JSON.parse(stringifyWithShared(body))).toEqual(body);
  });

  it('serves the catalog schemas search shows, unchanged', () => {
    const tool = loadCatalog().getTool('GITHUB_CREATE_AN_ISSUE')!;
    const body = { tool_schemas: { [tool.slug]: { input_schema: tool.input_parameters, output_schema: tool.output_parameters } } };
    expect(JSON.parse(stringifyWithShared(body))).toEqual(JSON.parse(JSON.stringify(body)));
  });
});
