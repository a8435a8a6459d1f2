/**
 * The session's `mcp.url` served by the mock, driven by the official MCP TypeScript client
 * over Streamable HTTP: list the session's tools and call them.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server.js';

let server: RunningServer;
const KEY = 'mcp-key';

async function createSession(body: Record<string, unknown>): Promise<{ session_id: string; mcp: { type: string; url: string } }> {
  const res = await fetch(`${server.url}/api/v3.1/tool_router/session`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return res.json() as Promise<{ session_id: string; mcp: { type: string; url: string } }>;
}

async function connectClient(url: string, key = KEY): Promise<Client> {
  const client = new Client({ name: 'composio-mock-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { 'x-api-key': key } } }));
  return client;
}

beforeAll(async () => {
  server = await startServer({ port: 0, seed: 5 });
});
afterAll(() => server.close());

describe('MCP endpoint of a session', () => {
  it('lists the meta tools and preloaded tools with their input schemas and hint annotations', async () => {
    const session = await createSession({ user_id: 'mcp-user', toolkits: { enable: ['hackernews'] }, preload: { tools: 'all' } });
    expect(session.mcp.url).toBe(`${server.url}/tool_router/v3.1/${session.session_id}/mcp`);
    const client = await connectClient(session.mcp.url);
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('COMPOSIO_SEARCH_TOOLS');
    expect(names).toContain('HACKERNEWS_GET_FRONTPAGE');
    const frontpage = tools.find((t) => t.name === 'HACKERNEWS_GET_FRONTPAGE')!;
    expect(frontpage.inputSchema.type).toBe('object');
    expect(frontpage.annotations?.readOnlyHint).toBe(true);
    await client.close();
  });

  it('calls app and meta tools; tool failures come back as isError results', async () => {
    const session = await createSession({ user_id: 'mcp-user', toolkits: { enable: ['hackernews', 'github'] } });
    const client = await connectClient(session.mcp.url);
    const ok = await client.callTool({ name: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} });
    expect(ok.isError).toBe(false);
    const payload = JSON.parse((ok.content as { type: string; text: string }[])[0]!.text) as { error: string | null; log_id: string };
    expect(payload.error).toBeNull();
    expect(payload.log_id).toMatch(/^log_/);
    const search = await client.callTool({ name: 'COMPOSIO_SEARCH_TOOLS', arguments: { queries: [{ use_case: 'create an issue' }] } });
    expect(JSON.stringify(search.structuredContent)).toContain('GITHUB_CREATE_AN_ISSUE');
    const unconnected = await client.callTool({ name: 'GITHUB_GET_THE_AUTHENTICATED_USER', arguments: {} });
    expect(unconnected.isError).toBe(true);
    await expect(client.callTool({ name: 'NOT_A_TOOL', arguments: {} })).rejects.toThrow(/Unknown tool/);
    await client.close();
  });

  it('authenticates like the API and answers 404 for another project, 405 for GET', async () => {
    const session = await createSession({ user_id: 'mcp-user' });
    await expect(connectClient(session.mcp.url, 'other-key')).rejects.toThrow();
    const noKey = await fetch(session.mcp.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
    expect(noKey.status).toBe(401);
    const get = await fetch(session.mcp.url, { headers: { 'x-api-key': KEY, accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    const unknown = await fetch(session.mcp.url, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":7,"method":"resources/list"}',
    });
    expect(await unknown.json()).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32601, message: 'Method not found: resources/list' } });
  });

  it('answers JSON-RPC errors for bad messages, 400 for a malformed session id, and x-request-id on every answer', async () => {
    const session = await createSession({ user_id: 'mcp-user' });
    const post = (body: string, url = session.mcp.url) =>
      fetch(url, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body });
    const empty = await post('[]');
    expect(await empty.json()).toMatchObject({ error: { code: -32600 } });
    const objectId = await post('{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}');
    expect(await objectId.json()).toMatchObject({ id: null, error: { code: -32600 } });
    const badArgs = await post('{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"COMPOSIO_SEARCH_TOOLS","arguments":[1]}}');
    expect(await badArgs.json()).toMatchObject({ id: 2, error: { code: -32602 } });
    const ping = await post('{"jsonrpc":"2.0","id":3,"method":"ping"}');
    expect(ping.headers.get('x-request-id')).toMatch(/^req_/);
    const notification = await post('{"jsonrpc":"2.0","method":"notifications/initialized"}');
    expect(notification.status).toBe(202);
    expect(notification.headers.get('x-request-id')).toMatch(/^req_/);
    const malformed = await post('{"jsonrpc":"2.0","id":1,"method":"ping"}', `${server.url}/tool_router/v3.1/%ZZ/mcp`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { status: number } }).error.status).toBe(400);
  });
});
