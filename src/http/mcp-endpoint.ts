/**
 * The session's MCP server at `mcp.url` (`/tool_router/v3.1/<session_id>/mcp`): a minimal
 * Streamable-HTTP MCP endpoint over the same engine, so an agent wired through MCP sees the
 * session's tools and executes them like through the REST API. JSON responses only (no SSE
 * stream: GET is 405, which the MCP transport allows); stateless (no Mcp-Session-Id).
 * Authenticated with `x-api-key` like the API.
 */
import type { Engine } from '../engine/engine.js';
import { ApiError } from '../engine/errors.js';
import { executeTool } from '../engine/execute.js';
import { listSessionTools } from '../engine/session-tools.js';
import { requireSession } from '../engine/sessions.js';
import type { CallContext } from '../engine/types.js';
import { authenticate } from './auth.js';
import { readJsonBody } from './body.js';
import type { MockRoute } from './handlers/types.js';
import { errorResponse } from './respond.js';

const MCP_PATH = /^\/tool_router\/v3\.1\/([^/]+)\/mcp\/?$/;
const PROTOCOL_VERSIONS = ['2025-06-18', '2025-03-26', '2024-11-05'];
const MAX_BODY = 1024 * 1024;

interface JsonRpcRequest {
  jsonrpc: '2.0';
  id?: string | number | null;
  method: string;
  params?: Record<string, unknown>;
}

type JsonRpcReply = { jsonrpc: '2.0'; id: string | number | null } & ({ result: unknown } | { error: { code: number; message: string } });

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function allTools(engine: Engine, ctx: CallContext, sessionId: string) {
  const tools = [];
  let cursor: string | undefined;
  do {
    const page = listSessionTools(engine, ctx, sessionId, { limit: 500, ...(cursor ? { cursor } : {}) });
    tools.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return tools;
}

async function dispatch(engine: Engine, ctx: CallContext, sessionId: string, message: JsonRpcRequest): Promise<unknown> {
  const params = message.params ?? {};
  switch (message.method) {
    case 'initialize': {
      const asked = typeof params.protocolVersion === 'string' ? params.protocolVersion : '';
      return {
        protocolVersion: PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0],
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'composio-mock', version: '0.1.0' },
        instructions: 'Tools of a Composio Tool Router session (mocked). Start with COMPOSIO_SEARCH_TOOLS.',
      };
    }
    case 'ping':
      return {};
    case 'tools/list':
      return {
        tools: allTools(engine, ctx, sessionId).map((tool) => ({
          name: tool.slug,
          title: tool.name,
          description: tool.description,
          inputSchema: tool.input_parameters,
          annotations: {
            readOnlyHint: tool.tags.includes('readOnlyHint'),
            destructiveHint: tool.tags.includes('destructiveHint'),
            idempotentHint: tool.tags.includes('idempotentHint'),
            openWorldHint: tool.tags.includes('openWorldHint'),
          },
        })),
      };
    case 'tools/call': {
      if (typeof params.name !== 'string') throw new RpcError(-32602, 'tools/call needs params.name');
      if (params.arguments !== undefined && (params.arguments === null || typeof params.arguments !== 'object' || Array.isArray(params.arguments))) {
        throw new RpcError(-32602, 'tools/call params.arguments must be an object');
      }
      const args = (params.arguments ?? {}) as Record<string, unknown>;
      try {
        const out = await executeTool(engine, ctx, sessionId, { tool_slug: params.name, arguments: args });
        return { content: [{ type: 'text', text: JSON.stringify(out) }], structuredContent: out, isError: out.error !== null };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) throw new RpcError(-32602, `Unknown tool: ${params.name}`);
        if (error instanceof ApiError) return { content: [{ type: 'text', text: error.message }], isError: true };
        throw error;
      }
    }
    default:
      throw new RpcError(-32601, `Method not found: ${message.method}`);
  }
}

function validId(id: unknown): id is string | number | null | undefined {
  return id === undefined || id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

async function answer(engine: Engine, ctx: CallContext, sessionId: string, message: unknown): Promise<JsonRpcReply | undefined> {
  const request = message as Partial<JsonRpcRequest>;
  if (!request || typeof request !== 'object' || Array.isArray(request) || request.jsonrpc !== '2.0' || typeof request.method !== 'string' || !validId(request.id)) {
    const id = request && typeof request === 'object' && validId(request.id) ? (request.id ?? null) : null;
    return { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid JSON-RPC request' } };
  }
  const id = request.id ?? null;
  if (request.params !== undefined && (request.params === null || typeof request.params !== 'object' || Array.isArray(request.params))) {
    return request.id === undefined ? undefined : { jsonrpc: '2.0', id, error: { code: -32602, message: 'params must be an object' } };
  }
  // Notifications carry no id and get no reply.
  if (request.id === undefined) return undefined;
  try {
    return { jsonrpc: '2.0', id, result: await dispatch(engine, ctx, sessionId, request as JsonRpcRequest) };
  } catch (error) {
    if (error instanceof RpcError) return { jsonrpc: '2.0', id, error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** The session id of the path; a malformed percent-escape is a 400 like any bad session id. */
function sessionIdOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * @example
 * mockRoutes.push(mcpRoute); // POST /tool_router/v3.1/trs_…/mcp with JSON-RPC
 */
export const mcpRoute: MockRoute = async (request, url, engine, { requestId, apiKeys }) => {
  const match = MCP_PATH.exec(url.pathname);
  if (!match) return undefined;
  try {
    if (request.method !== 'POST') {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', 'This MCP endpoint answers POST with JSON; it offers no SSE stream', { headers: { allow: 'POST' } });
    }
    const apiKey = authenticate(request.headers, 'mcp', { apiKeys });
    const ctx: CallContext = { apiKey, origin: url.origin };
    const sessionId = sessionIdOf(match[1]!);
    requireSession(engine.store.project(apiKey), sessionId);
    const body = await readJsonBody(request, { maxBytes: MAX_BODY });
    const headers = { 'content-type': 'application/json', 'x-request-id': requestId };
    if (Array.isArray(body) && body.length === 0) {
      return new Response(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Empty batch' } }), { status: 200, headers });
    }
    const messages = Array.isArray(body) ? body : [body];
    const replies = (await Promise.all(messages.map((m) => answer(engine, ctx, sessionId, m)))).filter((r): r is JsonRpcReply => r !== undefined);
    if (replies.length === 0) return new Response(null, { status: 202, headers: { 'x-request-id': requestId } });
    return new Response(JSON.stringify(Array.isArray(body) ? replies : replies[0]), { status: 200, headers });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error, requestId);
    throw error;
  }
};
