/**
 * A map that keeps only its most recently used entries: the memo behind search scores and
 * generated outputs, bounded so that a stream of distinct keys cannot grow it.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @example
   * const recent = new RecentMap<string, number>(2);
   * recent.set('a', 1); recent.set('b', 2); recent.get('a'); recent.set('c', 3);
   * recent.get('b'); // undefined: the least recently used went first
   */
  constructor(private readonly capacity: number) {}

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores the value as the most recently used, dropping the least recently used past capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
