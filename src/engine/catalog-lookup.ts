/**
 * The part of the catalog the session rules need. `Catalog` (catalog.ts) satisfies it; tests
 * can pass a small literal.
 */
import type { CatalogTool, CatalogToolkit } from './catalog-types.js';

export interface CatalogLookup {
  readonly toolkits: readonly CatalogToolkit[];
  readonly tools: readonly CatalogTool[];
  getToolkit(slug: string): CatalogToolkit | undefined;
  getTool(slug: string): (CatalogTool & { toolkit: string }) | undefined;
}
