/**
 * Errors: credentials (none, two), an unknown session, and one invalid input per operation.
 * Every answer must be the documented status in the error envelope (the envelope is checked
 * by `call()` against the status's declared schema).
 */
import { randomBytes } from 'node:crypto';
import type { CheckContext } from '../check-context.js';
import { defineFlow, type StepDefinition } from '../flow.js';
import { FILES_MOUNT } from './session-operations.js';

interface ErrorsState {
  sessionId?: string;
}

/**
 * A session id in the right format that no one created.
 *
 * @example
 * unknownSessionId(); // 'trs_Xq3…' (12 random characters)
 */
export function unknownSessionId(): string {
  return `trs_${randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
}

async function liveSession(ctx: CheckContext, state: ErrorsState): Promise<string> {
  if (!state.sessionId) state.sessionId = (await ctx.createSession()).session_id;
  return state.sessionId;
}

function expectMessage(ctx: CheckContext, body: any, exchange: number): void {
  ctx.expect(typeof body?.error?.message === 'string' && body.error.message.length > 0, 'the error envelope carries a message', exchange, '/error/message');
}

interface InvalidInput {
  operationId: string;
  what: string;
  mount?: boolean;
  body?: unknown;
  query?: Record<string, string | number>;
}

/** One input per operation that the document's request schema refuses. */
const INVALID_INPUTS: InvalidInput[] = [
  { operationId: 'patchSession', what: 'a wrong-typed block (toolkits as a string)', body: { toolkits: 'github' } },
  { operationId: 'attachSession', what: 'a custom tool without name, description and input_schema', body: { experimental: { custom_tools: [{ slug: 'CONTRACT_BROKEN' }] } } },
  { operationId: 'listSessionConfigHistory', what: 'limit above 100', query: { limit: 1000 } },
  { operationId: 'searchTools', what: 'no queries', body: { model: 'gpt-4o' } },
  { operationId: 'listSessionTools', what: 'limit above 500', query: { limit: 1000 } },
  { operationId: 'executeTool', what: 'no tool_slug', body: { arguments: {} } },
  { operationId: 'executeMetaTool', what: 'no slug', body: { arguments: {} } },
  { operationId: 'createLink', what: 'no toolkit', body: { callback_url: 'https://example.com/callback' } },
  { operationId: 'proxyExecute', what: 'no method', body: { toolkit_slug: 'github', endpoint: '/user' } },
  { operationId: 'listSessionToolkits', what: 'limit above 50', query: { limit: 1000 } },
  { operationId: 'listMountItems', what: 'limit 0', mount: true, query: { limit: 0 } },
  { operationId: 'createMountDownloadUrl', what: 'no mount_relative_path', mount: true, body: {} },
  { operationId: 'createMountUploadUrl', what: 'no mount_relative_path', mount: true, body: { mimetype: 'text/plain' } },
  { operationId: 'deleteMountItem', what: 'no mount_relative_path', mount: true, body: {} },
];

const invalidInputSteps: StepDefinition<ErrorsState>[] = INVALID_INPUTS.map((input) => ({
  name: `400 for ${input.operationId} with ${input.what}`,
  async run(ctx, state) {
    const sessionId = await liveSession(ctx, state);
    const res = await ctx.call(input.operationId, {
      params: input.mount ? { session_id: sessionId, mount_id: FILES_MOUNT } : { session_id: sessionId },
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.query ? { query: input.query } : {}),
      expect: 400,
    });
    expectMessage(ctx, res.body, res.exchange);
  },
}));

export const errorsFlow = defineFlow<ErrorsState>({
  group: 'errors',
  state: () => ({}),
  steps: [
    {
      name: '401 without x-api-key',
      async run(ctx) {
        const res = await ctx.call('createSession', { withKey: false, body: { user_id: ctx.userId }, expect: 401 });
        expectMessage(ctx, res.body, res.exchange);
      },
    },
    {
      name: '401 with two credential headers',
      async run(ctx) {
        // The second credential is not a key of anyone's: only its presence matters.
        const res = await ctx.call('getSession', { params: { session_id: unknownSessionId() }, headers: { 'x-user-api-key': 'contract-not-a-key' }, expect: 401 });
        expectMessage(ctx, res.body, res.exchange);
      },
    },
    {
      name: '404 for an unknown session',
      async run(ctx) {
        const res = await ctx.call('getSession', { params: { session_id: unknownSessionId() }, expect: 404 });
        expectMessage(ctx, res.body, res.exchange);
      },
    },
    {
      name: '400 for createSession without user_id',
      async run(ctx) {
        const res = await ctx.call('createSession', { body: { toolkits: { enable: [] } }, expect: 400, continueOnStatus: true });
        // A target that wrongly created a session still gets it cleaned up.
        if (typeof res.body?.session_id === 'string') ctx.suite.resources.addSession(res.body.session_id);
        if (res.ok) expectMessage(ctx, res.body, res.exchange);
      },
    },
    ...invalidInputSteps,
  ],
});
