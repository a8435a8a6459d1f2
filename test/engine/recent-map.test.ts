import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../src/engine/recent-map.js';

describe('RecentMap', () => {
  it('drops the least recently used entry past its capacity; a read counts as a use', () => {
    const recent = new RecentMap<string, number>(2);
    recent.set('a', 1);
    recent.set('b', 2);
    expect(recent.get('a')).toBe(1);
    recent.set('c', 3);
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('a')).toBe(1);
    expect(recent.get('c')).toBe(3);
    expect(recent.size).toBe(2);
  });

  it('replaces a key in place without evicting another', () => {
    const recent = new RecentMap<string, number>(2);
    recent.set('a', 1);
    recent.set('b', 2);
    recent.set('a', 10);
    expect(recent.size).toBe(2);
    expect(recent.get('a')).toBe(10);
    expect(recent.get('b')).toBe(2);
  });
});
