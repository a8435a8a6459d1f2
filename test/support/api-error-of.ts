import { ApiError } from '../../src/engine/errors.js';

/**
 * The ApiError a call throws; fails the test when it throws nothing or something else.
 *
 * @example
 * expect(errorOf(() => getSession(engine, ctx, 'trs_gone')).status).toBe(404);
 */
export function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
