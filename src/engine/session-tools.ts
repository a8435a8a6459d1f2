/**
 * GET .../tools: the session's meta tools, then its preloaded app tools (reference 3.8).
 */
import type { Engine } from './engine.js';
import { metaToolWire } from './meta-tool-catalog.js';
import { enabledMetaTools } from './meta-tools.js';
import { paginate, type Page, type PageRequest } from './pagination.js';
import { preloadedTools, requireSession } from './sessions.js';
import type { CallContext } from './types.js';
import { type WireTool, wireToolView } from './wire-tool.js';

/**
 * The items share the catalog's arrays and schemas (read-only; serialize, do not change them).
 *
 * @example
 * listSessionTools(engine, ctx, 'trs_abc', { limit: 500 }).items.map((t) => t.slug);
 */
export function listSessionTools(engine: Engine, ctx: CallContext, sessionId: string, page: PageRequest): Page<Readonly<WireTool>> {
  const session = requireSession(engine.store.project(ctx.apiKey), sessionId);
  const tools: Array<Readonly<WireTool>> = enabledMetaTools(session.config).map(metaToolWire);
  for (const slug of preloadedTools(session.config, engine.catalog)) {
    const tool = engine.catalog.getTool(slug)!;
    // A view sharing the catalog's schemas: the answer reuses their serialized text (shared-json.ts).
    tools.push(wireToolView(tool, engine.catalog.getToolkit(tool.toolkit)!));
  }
  return paginate(tools, page, { defaultLimit: 100, maxLimit: 500 });
}
