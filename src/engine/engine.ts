/**
 * The engine: every operation of the API over one store, one catalog and one clock. It
 * never sees HTTP; the app calls it with plain, already validated input.
 */
import type { Catalog } from './catalog.js';
import { type Clock, systemClock } from './clock.js';
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
    this.store = new Store(this.seed);
  }
}
