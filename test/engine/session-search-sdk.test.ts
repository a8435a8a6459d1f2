/**
 * @composio/core's `session.search()` sends the session's inline custom tools in `experimental`
 * and relies on the server to rank them: the mock answers with their `LOCAL_` slugs, and the
 * SDK parses the answer.
 */
import { experimental_createTool, experimental_createToolkit } from '@composio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../src/engine/clock.js';
import { type SdkHarness, startSdkHarness } from '../sdk/sdk-harness.js';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ seed: 31, clock: new ManualClock('2026-06-01T08:00:00Z') });
});
afterAll(() => h.close());

const findCustomer = experimental_createTool('FIND_CUSTOMER', {
  name: 'Find customer',
  description: 'Find a CRM customer by email address',
  inputParams: z.object({ email: z.string() }),
  execute: async ({ email }) => ({ email, name: 'Ada' }),
});

const shop = experimental_createToolkit('SHOP', {
  name: 'Shop',
  description: 'Customers and orders of our web shop',
  tools: [
    experimental_createTool('LIST_ORDERS', {
      name: 'List orders',
      description: 'Lists the orders a customer placed, newest first',
      inputParams: z.object({ customer_id: z.string() }),
      execute: async () => ({ orders: [] }),
    }),
  ],
});

describe('@composio/core session.search() with custom tools', () => {
  it('finds the custom tools ranked with the catalog and parses their schemas', async () => {
    const session = await h.core().create('sdk-custom', { toolkits: ['github'], experimental: { customTools: [findCustomer], customToolkits: [shop] } });
    const customer = await session.search({ query: 'find a customer in the CRM by email' });
    expect(customer.results[0]?.primaryToolSlugs[0]).toBe('LOCAL_FIND_CUSTOMER');
    expect(customer.toolSchemas.LOCAL_FIND_CUSTOMER?.toolkit).toBe('custom');
    expect(customer.toolkitConnectionStatuses).toEqual([]);
    const orders = await session.search({ query: 'which orders did this customer place' });
    expect(orders.results[0]?.primaryToolSlugs).toEqual(['LOCAL_SHOP_LIST_ORDERS']);
    expect(h.requests.filter((line) => line.includes('/search ')).every((line) => line.endsWith(' 200'))).toBe(true);
  });

  it('answers no primary tool when the session exposes nothing for the task', async () => {
    const session = await h.core().create('sdk-none', { toolkits: ['github'] });
    const result = await session.search({ query: 'send an email to bob' });
    expect(result.results[0]?.primaryToolSlugs).toEqual([]);
    expect(result.results[0]?.executionGuidance).toContain('github');
    expect(result.toolkitConnectionStatuses).toEqual([]);
  });
});
