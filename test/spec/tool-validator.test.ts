/**
 * The ahead-of-time `Tool` validator (src/generated/tool-validator.ts, used to check the catalog
 * at start) judges exactly as the document compiled live does: same verdicts, same errors.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog.js';
import { toWireTool } from '../../src/engine/wire-tool.js';
import validateTool from '../../src/generated/tool-validator.js';
import { compileDocumentSchema } from '../../src/http/schema-registry.js';

const live = compileDocumentSchema({ $ref: '#/components/schemas/Tool' });
const catalog = loadCatalog();
const wire = toWireTool(catalog.getTool('GITHUB_CREATE_AN_ISSUE')!, catalog.getToolkit('github')!) as unknown as Record<string, unknown>;
const ahead = validateTool as unknown as typeof live;

function verdicts(value: unknown) {
  const liveOk = live(value);
  const liveErrors = (live.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`);
  const aheadOk = ahead(value);
  const aheadErrors = (ahead.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`);
  return { liveOk, aheadOk, liveErrors, aheadErrors };
}

describe('ahead-of-time Tool validator', () => {
  it('accepts every catalog tool, as the live compile does', () => {
    for (const tool of catalog.tools) {
      const v = verdicts(toWireTool(tool, catalog.getToolkit(tool.toolkit)!));
      expect(v.aheadOk, tool.slug).toBe(true);
      expect(v.liveOk, tool.slug).toBe(true);
    }
  });

  it('rejects broken tools with the same errors as the live compile', () => {
    const { slug: _slug, ...noSlug } = wire;
    const broken = [
      noSlug,
      { ...wire, no_auth: 'no' },
      { ...wire, toolkit: { slug: 'github' } },
      { ...wire, tags: 'readOnlyHint' },
      { ...wire, input_parameters: [] },
    ];
    for (const value of broken) {
      const v = verdicts(value);
      expect(v.aheadOk).toBe(false);
      expect(v.liveOk).toBe(false);
      expect(v.aheadErrors.length).toBeGreaterThan(0);
      expect(v.aheadErrors).toEqual(v.liveErrors);
    }
  });
});
