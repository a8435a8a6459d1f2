/**
 * The public types of `composio-mock/msw`: what a user's editor shows and refuses.
 */
import type { HttpHandler } from 'msw';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type ComposioMock,
  type ComposioMockOptions,
  createComposioMock,
  createHandlers,
  type ProjectStateView,
  type SeededConnectedAccount,
  type SeededFile,
  type SeededSession,
} from '../../mocks/index.js';
import type { Schemas, SuccessResponse } from '../../src/openapi-types.js';

describe('createComposioMock / createHandlers', () => {
  test('options are optional and take AppOptions plus baseUrl', () => {
    expectTypeOf(createComposioMock).parameter(0).toEqualTypeOf<ComposioMockOptions | undefined>();
    expectTypeOf<ComposioMockOptions['baseUrl']>().toEqualTypeOf<string | readonly string[] | undefined>();
    expectTypeOf<ComposioMockOptions>().toHaveProperty('seed');
    expectTypeOf<ComposioMockOptions>().toHaveProperty('clock');
    expectTypeOf<ComposioMockOptions>().toHaveProperty('catalog');
    expectTypeOf<ComposioMockOptions>().toHaveProperty('apiKeys');
    expectTypeOf<ComposioMockOptions>().toHaveProperty('fixtureDirs');
    // @ts-expect-error baseUrl is a string or a list of strings
    createComposioMock({ baseUrl: 4010 });
  });

  test('handlers are MSW HttpHandlers, ready for setupServer/setupWorker/use', () => {
    expectTypeOf(createHandlers()).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(createComposioMock().handlers).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(createComposioMock()).toEqualTypeOf<ComposioMock>();
  });
});

describe('state, seed, scenarios', () => {
  const mock = createComposioMock();

  test('state(apiKey) is a read-only view', () => {
    expectTypeOf(mock.state).parameters.toEqualTypeOf<[apiKey: string]>();
    expectTypeOf(mock.state('k')).toEqualTypeOf<ProjectStateView>();
    expectTypeOf(mock.state('k').sessions[0]!.session_id).toEqualTypeOf<string>();
    expectTypeOf(mock.state('k').request_count).toEqualTypeOf<number>();
    // @ts-expect-error the view cannot be mutated
    mock.state('k').sessions.push();
    // @ts-expect-error nor its fields
    mock.state('k').request_count = 3;
  });

  test('seed helpers take the API request types and resolve to the API response types', () => {
    expectTypeOf(mock.seed.session('k', { user_id: 'u', toolkits: { enable: ['github'] } })).toEqualTypeOf<Promise<SeededSession>>();
    expectTypeOf<SeededSession>().toEqualTypeOf<SuccessResponse<'createSession'>>();
    expectTypeOf(mock.seed.connectedAccount('k', { user_id: 'u', toolkit: 'github' })).toEqualTypeOf<Promise<SeededConnectedAccount>>();
    expectTypeOf<SeededConnectedAccount>().toEqualTypeOf<Schemas['ConnectedAccount']>();
    expectTypeOf(mock.seed.file('k', 'trs_1', { path: 'a.txt', content: 'x' })).toEqualTypeOf<Promise<SeededFile>>();
    mock.seed.file('k', 'trs_1', { path: 'a.bin', content: new Uint8Array([1]), mimetype: 'application/octet-stream', mountId: 'files' });
    // @ts-expect-error user_id is required, as in the API
    mock.seed.session('k', {});
    // @ts-expect-error toolkit is required
    mock.seed.connectedAccount('k', { user_id: 'u' });
    // @ts-expect-error content is required
    mock.seed.file('k', 'trs_1', { path: 'a.txt' });
  });

  test('scenarios are keyed by operationId', () => {
    mock.scenarios.failNext('executeTool', { status: 503, times: 2, headers: { 'retry-after': '1' } });
    mock.scenarios.delay('*', 10);
    mock.scenarios.delay('searchTools', 10);
    // @ts-expect-error not an operation of the API
    mock.scenarios.failNext('executeTools', { status: 500 });
    // @ts-expect-error status is required
    mock.scenarios.failNext('executeTool', {});
    // @ts-expect-error the control-plane codes are a closed set
    mock.scenarios.failNext('executeTool', { status: 500, code: 'NOPE' });
    expectTypeOf(mock.scenarios.pending()).toEqualTypeOf<{ operationId: string; status: number; remaining: number }[]>();
    expectTypeOf(mock.reset).toEqualTypeOf<() => void>();
  });
});
