/**
 * What the suite executes: only read-only tools without --allow-writes, with arguments built
 * from the tool's own input schema (and a deliberately invalid set for the in-band check).
 */
import { describe, expect, it } from 'vitest';
import { executableTools, invalidArguments, isSafeToExecute, metaToolSlugs, minimalArguments } from '../../contracts/tool-choice.js';

describe('tool choice', () => {
  it('runs only readOnlyHint tools without destructiveHint unless writes are allowed', () => {
    expect(isSafeToExecute({ slug: 'A', tags: ['readOnlyHint', 'idempotentHint'] }, false)).toBe(true);
    expect(isSafeToExecute({ slug: 'B', tags: ['readOnlyHint', 'destructiveHint'] }, false)).toBe(false);
    expect(isSafeToExecute({ slug: 'C', tags: ['openWorldHint'] }, false)).toBe(false);
    expect(isSafeToExecute({ slug: 'C', tags: ['openWorldHint'] }, true)).toBe(true);
  });

  it('never picks a meta tool, and prefers read-only tools with fewer required arguments', () => {
    const tools = [
      { slug: 'X_WRITE', tags: ['openWorldHint'], input_parameters: { type: 'object' } },
      { slug: 'X_READ_TWO', tags: ['readOnlyHint'], input_parameters: { type: 'object', required: ['a', 'b'] } },
      { slug: 'X_READ_NONE', tags: ['readOnlyHint'], input_parameters: { type: 'object' } },
      { slug: 'COMPOSIO_SEARCH_TOOLS', tags: ['readOnlyHint'] },
    ];
    expect(executableTools(tools, false).map((t) => t.slug)).toEqual(['X_READ_NONE', 'X_READ_TWO']);
    expect(executableTools(tools, true).map((t) => t.slug)).toEqual(['X_READ_NONE', 'X_READ_TWO', 'X_WRITE']);
    expect(metaToolSlugs()).toContain('COMPOSIO_MULTI_EXECUTE_TOOL');
  });

  it('fills required arguments from the schema (default, examples, enum, type, format, bounds)', () => {
    const schema = {
      type: 'object',
      required: ['d', 'e', 'n', 'i', 'b', 'm', 'u', 'o', 'l', 's'],
      properties: {
        d: { type: 'string', default: 'dflt' },
        e: { type: 'string', examples: ['ex'] },
        n: { type: 'string', enum: ['first', 'second'] },
        i: { type: 'integer', minimum: 3, maximum: 9 },
        b: { type: 'boolean' },
        m: { type: 'string', format: 'email' },
        u: { type: ['string', 'null'], format: 'uri' },
        o: { type: 'object', required: ['inner'], properties: { inner: { type: 'number' } } },
        l: { type: 'array', minItems: 1, items: { type: 'string' } },
        s: { type: 'string', minLength: 12 },
        optional: { type: 'string' },
      },
    };
    expect(minimalArguments(schema)).toEqual({ d: 'dflt', e: 'ex', n: 'first', i: 3, b: false, m: 'contract@example.com', u: 'https://example.com/', o: { inner: 1 }, l: ['contract'], s: 'contractxxxx' });
  });

  it('breaks a schema by leaving out a required property, else by a wrong type', () => {
    expect(invalidArguments({ type: 'object', required: ['q', 'n'], properties: { q: { type: 'string' }, n: { type: 'integer' } } })).toEqual({ args: { n: 1 }, what: 'without the required "q"' });
    expect(invalidArguments({ type: 'object', properties: { n: { type: 'integer' } } })).toEqual({ args: { n: 'not-a-number' }, what: '"n" of the wrong type' });
    expect(invalidArguments({ type: 'object' })).toBeUndefined();
  });
});
