/**
 * The engine: every operation of the API over one store, one catalog and one clock. It
 * never sees HTTP; the app calls it with plain, already validated input.
 */
import type { Catalog } from './catalog.js';
import { type Clock, systemClock } from './clock.js';
import { settleExpiredLinks } from './links.js';
import { createSearchIndex, type SearchIndex } from './search-index.js';
import { Store } from './store.js';
import type { SessionDeps } from './sessions.js';

export interface EngineOptions {
  catalog: Catalog;
  /** Fixes every generated id and value. Default 0. */
  seed?: number | string;
  clock?: Clock;
}

/**
 * @example
 * const engine = new Engine({ catalog: loadCatalog(), seed: 7 });
 * createSession(engine, ctx, { user_id: 'u1' });
 */
export class Engine implements SessionDeps {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly seed: number | string;

  constructor(options: EngineOptions) {
    this.seed = options.seed ?? 0;
    this.catalog = options.catalog;
    this.clock = options.clock ?? systemClock;
    // Link expiry is applied lazily, whenever a project is read (no timers run in the background).
    this.store = new Store(this.seed, (project) => settleExpiredLinks(this, project));
  }

  private index: SearchIndex | undefined;

  /** The tool search index over the whole catalog, built on first use (not at start). */
  get searchIndex(): SearchIndex {
    this.index ??= createSearchIndex(
      this.catalog.tools.map((tool) => {
        const toolkit = this.catalog.getToolkit(tool.toolkit)!;
        return { ...tool, toolkit: { slug: toolkit.slug, name: toolkit.name, description: toolkit.description } };
      }),
    );
    return this.index;
  }
}
