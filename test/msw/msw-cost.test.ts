/**
 * bench/msw-cost.ts measures what it says: both paths answer GET session, figures are sane.
 */
import { expect, it } from 'vitest';
import { measureMswCost } from '../../bench/msw-cost.js';

it('measures GET session directly and through setupServer + fetch', async () => {
  const cost = await measureMswCost({ iterations: 30 });
  for (const path of [cost.direct, cost.msw]) {
    expect(path.median_us).toBeGreaterThan(0);
    expect(path.p99_us).toBeGreaterThanOrEqual(path.median_us);
  }
  // The interceptor, handler matching and cloning cost something on top of the app itself.
  expect(cost.msw.median_us).toBeGreaterThan(cost.direct.median_us);
});
