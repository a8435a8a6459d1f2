/**
 * Seeded randomness. Every id and generated value comes from a `Random`, so one seed fixes
 * every byte the mock answers with.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** 32-bit string hash (FNV-1a), used to derive independent streams from one seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finalizer: every input bit moves every output bit. */
function mix32(value: number): number {
  let z = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A small, fast PRNG (sfc32) with helpers for ids.
 *
 * @example
 * const random = new Random(42);
 * random.id('trs'); // 'trs_…' (12 characters after the prefix, same for the same seed)
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(typeof seed === 'number' ? seed : hashString(seed));
  }

  /** Starts this generator over from a seed, as `new Random(seed)` would, without allocating one. */
  reseed(seed: number): void {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed >>> 0) ^ 0xdeadbeef;
    for (let i = 0; i < 15; i++) this.next();
  }

  /**
   * Starts over from a seed spread over the whole state by a murmur3 finalizer, so no warm-up
   * rounds are needed: for streams re-seeded at every generated value, where the fifteen rounds
   * of {@link Random.reseed} would cost more than the values themselves. Another stream than
   * `reseed` gives for the same seed.
   */
  reseedMixed(seed: number): void {
    let s = seed >>> 0;
    s = (s + 0x9e3779b9) | 0;
    this.a = mix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.b = mix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.c = mix32(s);
    this.d = 1;
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const r = (t + this.d) | 0;
    this.c = (this.c + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Random alphanumeric characters. */
  chars(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(this.next() * ALPHABET.length)];
    return out;
  }

  /** `prefix_` followed by `length` alphanumerics, the shape of the real ids (`trs_…`, `ca_…`). */
  id(prefix: string, length = 12): string {
    return `${prefix}_${this.chars(length)}`;
  }

  /** An independent stream derived from this one's seed and a label (does not advance this one). */
  static derive(seed: number | string, label: string): Random {
    return new Random(hashString(`${String(seed)}:${label}`));
  }
}
