import { ApiError } from './errors.js';

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
    this.ms = checkedTime(new Date(start).getTime(), String(start));
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms = checkedTime(this.ms + ms, `${ms} ms later`);
  }

  set(time: string | number | Date): void {
    this.ms = checkedTime(new Date(time).getTime(), String(time));
  }
}

/** Latest instant the clock may show: the end of year 9999, so expiries added to it stay valid dates. */
export const LATEST_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - 366 * 86_400_000;

/** Every time the engine adds durations to must stay a valid date; the control plane gets a 400. */
function checkedTime(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > LATEST_TIME_MS) {
    throw new ApiError(400, 'VALIDATION_FAILED', `The mock clock cannot show ${what}: it must stay between 1970 and 9998`, {
      suggestedFix: 'Use an ISO date-time between 1970-01-01 and 9998-12-31.',
    });
  }
  return ms;
}

/**
 * Wall-clock time.
 *
 * @example
 * const clock = systemClock;
 * clock.now();
 */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Wall-clock time that tests can still move forward (`POST /_mock/clock`), e.g. to expire
 * a link token without waiting.
 *
 * @example
 * const clock = new ShiftableClock();
 * clock.advance(3_600_000); // an hour later than the wall clock
 */
export class ShiftableClock implements Clock {
  private offset = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  advance(ms: number): void {
    this.offset = checkedTime(Date.now() + this.offset + ms, `${ms} ms later`) - Date.now();
  }

  set(time: string | number | Date): void {
    this.offset = checkedTime(new Date(time).getTime(), String(time)) - Date.now();
  }
}

/** A clock the control plane can move. */
export type AdjustableClock = Clock & { advance(ms: number): void; set(time: string | number | Date): void };
