/**
 * POST .../search through the app in-process: no primary tool when nothing allowed fits, related
 * tools that are relevant, connection statuses and connect guidance only for the tools returned,
 * and inline custom tools ranked with the catalog. Every call is checked against the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { apiClient, SESSION_PATH } from '../support/api-client.js';
import { appTarget, type Target } from '../support/targets.js';

let target: Target;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  target = await appTarget({ seed: 5, clock: new ManualClock('2026-05-04T09:30:00Z'), validateResponses: true });
  api = apiClient(target);
});
afterAll(() => target.close());

interface SearchResult {
  primary_tool_slugs: string[];
  related_tool_slugs: string[];
  toolkits: string[];
  execution_guidance?: string;
  error: string | null;
}

async function session(body: Record<string, unknown>): Promise<string> {
  const res = await api.createSession(body);
  expect(res.status).toBe(201);
  return res.body.session_id;
}

async function connect(userId: string, toolkit: string): Promise<void> {
  const res = await api.call('POST', '/_mock/connected_accounts', { body: { user_id: userId, toolkit } });
  expect(res.status).toBe(201);
}

async function search(id: string, body: Record<string, unknown>) {
  return api.call('POST', `${SESSION_PATH}/${id}/search`, { body, operationId: 'searchTools' });
}

const toolkitOf = (slug: string) => slug.split('_')[0]!.toLowerCase();

describe('search when no allowed tool fits', () => {
  it('answers empty tool lists and guidance naming the session toolkits, without failing the query', async () => {
    const id = await session({ user_id: 'u-none', toolkits: { enable: ['github'] } });
    const res = await search(id, { queries: [{ use_case: 'send an email to bob' }] });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.error).toBeNull();
    const result: SearchResult = res.body.results[0];
    expect(result).toMatchObject({ primary_tool_slugs: [], related_tool_slugs: [], toolkits: [], error: null });
    expect(result.execution_guidance).toContain('No tool in this session matches');
    expect(result.execution_guidance).toContain("the session's toolkits are github");
    expect(res.body.tool_schemas).toEqual({});
    expect(res.body.toolkit_connection_statuses).toEqual([]);
    expect(res.body.next_steps_guidance.some((line: string) => line.includes('no matching tool'))).toBe(true);
    expect(res.body.next_steps_guidance.some((line: string) => line.startsWith('Connect'))).toBe(false);
  });

  it('answers the fitting query of a request and leaves the other empty', async () => {
    const id = await session({ user_id: 'u-none', toolkits: { enable: ['github'] } });
    const res = await search(id, { queries: [{ use_case: 'send an email to bob' }, { use_case: 'list my repos' }] });
    const [none, repos] = res.body.results as SearchResult[];
    expect(none!.primary_tool_slugs).toEqual([]);
    expect(repos!.primary_tool_slugs[0]).toBe('GITHUB_LIST_REPOSITORIES_FOR_THE_AUTHENTICATED_USER');
    expect(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => s.toolkit)).toEqual(['github']);
  });

  it('does the same through COMPOSIO_SEARCH_TOOLS', async () => {
    const id = await session({ user_id: 'u-none', toolkits: { enable: ['github'] } });
    const res = await api.call('POST', `${SESSION_PATH}/${id}/execute_meta`, {
      body: { slug: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'send an email to bob' }] } },
      operationId: 'executeMetaTool',
    });
    expect(res.body.error).toBeNull();
    expect(res.body.data.results[0].primary_tool_slugs).toEqual([]);
    expect(res.body.data.results[0].execution_guidance).toContain('github');
  });
});

describe('related tools, statuses and connect guidance', () => {
  it('keeps related tools relevant: the primary toolkit first, no other-toolkit noise', async () => {
    const id = await session({ user_id: 'u-related' });
    const res = await search(id, { queries: [{ use_case: 'send an email to bob' }] });
    const result: SearchResult = res.body.results[0];
    expect(result.primary_tool_slugs[0]).toBe('GMAIL_SEND_EMAIL');
    expect(result.related_tool_slugs.length).toBeGreaterThan(0);
    expect(result.related_tool_slugs.every((slug) => slug.startsWith('GMAIL_'))).toBe(true);
    expect(result.toolkits).toEqual(['gmail']);
    expect(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => s.toolkit)).toEqual(['gmail']);
  });

  it('asks to connect only the toolkits of the primary tools', async () => {
    const id = await session({ user_id: 'u-connect', toolkits: { enable: ['github', 'gmail', 'googlecalendar'] } });
    const res = await search(id, { queries: [{ use_case: 'list my repos' }] });
    const connectLines = res.body.next_steps_guidance.filter((line: string) => line.startsWith('Connect'));
    expect(connectLines).toEqual(['Connect github first with COMPOSIO_MANAGE_CONNECTIONS.']);
    expect(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => s.toolkit)).toEqual(['github']);
  });

  it('reports the status of a related tool toolkit without asking to connect it', async () => {
    const id = await session({ user_id: 'u-deal' });
    await connect('u-deal', 'hubspot');
    const res = await search(id, { queries: [{ use_case: 'create a $50k deal for Acme in the sales pipeline' }] });
    const result: SearchResult = res.body.results[0];
    expect(result.primary_tool_slugs).toEqual(['HUBSPOT_CREATE_DEAL']);
    const otherToolkits = [...new Set(result.related_tool_slugs.map(toolkitOf))].filter((tk) => tk !== 'hubspot');
    expect(otherToolkits).toEqual(['salesforce']);
    const statuses = Object.fromEntries(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => [s.toolkit, s]));
    expect(Object.keys(statuses).sort()).toEqual(['hubspot', 'salesforce']);
    expect(statuses.hubspot.has_active_connection).toBe(true);
    expect(statuses.salesforce.has_active_connection).toBe(false);
    expect(res.body.next_steps_guidance.some((line: string) => line.startsWith('Connect'))).toBe(false);
  });
});

describe('inline custom tools', () => {
  const findCustomer = {
    slug: 'FIND_CUSTOMER',
    name: 'Find customer',
    description: 'Find a CRM customer by email address',
    input_schema: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
  };

  it('ranks a standalone custom tool with the catalog, with its schema and no connection status', async () => {
    const id = await session({ user_id: 'u-custom' });
    const res = await search(id, { queries: [{ use_case: 'find a customer in the CRM by email' }], experimental: { custom_tools: [findCustomer] } });
    expect(res.status).toBe(200);
    const result: SearchResult = res.body.results[0];
    expect(result.primary_tool_slugs[0]).toBe('LOCAL_FIND_CUSTOMER');
    expect(result.toolkits).toContain('custom');
    expect(result.execution_guidance).toContain('Call LOCAL_FIND_CUSTOMER with email.');
    expect(res.body.tool_schemas.LOCAL_FIND_CUSTOMER).toEqual({
      toolkit: 'custom',
      tool_slug: 'LOCAL_FIND_CUSTOMER',
      description: 'Find a CRM customer by email address',
      input_schema: findCustomer.input_schema,
      hasFullSchema: true,
    });
    expect(res.body.toolkit_connection_statuses.map((s: { toolkit: string }) => s.toolkit)).not.toContain('custom');
  });

  it('ranks the tools of a custom toolkit under its slug, whatever toolkits the session allows', async () => {
    const id = await session({ user_id: 'u-custom', toolkits: { enable: ['github'] } });
    const res = await search(id, {
      queries: [{ use_case: 'which orders did customer 42 place' }],
      experimental: {
        custom_toolkits: [
          {
            slug: 'SHOP',
            name: 'Shop',
            description: 'Customers and orders of our web shop',
            tools: [
              { slug: 'LIST_ORDERS', name: 'List orders', description: 'Lists the orders a customer placed, newest first', input_schema: { type: 'object', properties: { customer_id: { type: 'string' } } } },
            ],
          },
        ],
      },
    });
    expect(res.body.results[0].primary_tool_slugs).toEqual(['LOCAL_SHOP_LIST_ORDERS']);
    expect(res.body.results[0].toolkits).toEqual(['SHOP']);
    expect(res.body.tool_schemas.LOCAL_SHOP_LIST_ORDERS.toolkit).toBe('SHOP');
    expect(res.body.toolkit_connection_statuses).toEqual([]);
  });

  it("reports a tool extending a Composio toolkit under that toolkit, with the toolkit's connection status", async () => {
    const id = await session({ user_id: 'u-extends', toolkits: { enable: ['github'] } });
    const res = await search(id, {
      queries: [{ use_case: 'show my important emails' }],
      experimental: {
        custom_tools: [
          {
            slug: 'GET_IMPORTANT_EMAILS',
            name: 'Get important emails',
            description: 'Fetches the emails Gmail marked as important',
            extends_toolkit: 'gmail',
            input_schema: { type: 'object', properties: { limit: { type: 'integer' } } },
          },
        ],
      },
    });
    expect(res.body.results[0].primary_tool_slugs).toEqual(['LOCAL_GMAIL_GET_IMPORTANT_EMAILS']);
    expect(res.body.tool_schemas.LOCAL_GMAIL_GET_IMPORTANT_EMAILS.toolkit).toBe('gmail');
    expect(res.body.toolkit_connection_statuses).toEqual([expect.objectContaining({ toolkit: 'gmail', has_active_connection: false })]);
    expect(res.body.next_steps_guidance).toContain('Connect gmail first with COMPOSIO_MANAGE_CONNECTIONS.');
  });

  it('does not keep custom tools: a later search without them does not find them', async () => {
    const id = await session({ user_id: 'u-custom' });
    await search(id, { queries: [{ use_case: 'find a customer in the CRM by email' }], experimental: { custom_tools: [findCustomer] } });
    const res = await search(id, { queries: [{ use_case: 'find a customer in the CRM by email' }] });
    expect(res.body.results[0].primary_tool_slugs.some((slug: string) => slug.startsWith('LOCAL_'))).toBe(false);
  });

  it('refuses invalid custom tools with 400 and every violation, as session create does', async () => {
    const id = await session({ user_id: 'u-custom' });
    const res = await search(id, {
      queries: [{ use_case: 'anything' }],
      experimental: { custom_tools: [{ ...findCustomer, slug: 'LOCAL_FIND' }, { ...findCustomer, extends_toolkit: 'nope' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid custom tools');
    expect(res.body.error.errors).toEqual([
      expect.stringContaining('/experimental/custom_tools/0/slug'),
      expect.stringContaining('/experimental/custom_tools/1/extends_toolkit'),
    ]);
  });
});
