/** Where the engine reads time. Injected so tests and `--frozen-time` fix every timestamp. */
export interface Clock {
  now(): Date;
}

/**
 * A clock that stands still until told to move: the default for deterministic runs.
 *
 * @example
 * const clock = new ManualClock('2026-01-01T00:00:00Z');
 * clock.advance(60_000);
 * clock.now().toISOString(); // '2026-01-01T00:01:00.000Z'
 */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: string | number | Date) {
    const ms = new Date(start).getTime();
    if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(start)}`);
    this.ms = ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(time: string | number | Date): void {
    const ms = new Date(time).getTime();
    if (Number.isNaN(ms)) throw new TypeError(`Not a valid time: ${String(time)}`);
    this.ms = ms;
  }
}

/**
 * Wall-clock time.
 *
 * @example
 * const clock = systemClock;
 * clock.now();
 */
export const systemClock: Clock = { now: () => new Date() };
