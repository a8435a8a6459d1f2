/**
 * Type-level fidelity of the generated types against the official client
 * (@composio/client 2.0.0-rc.6, generated from Composio's own v3.1 specification).
 *
 * For each of the 17 Tool Router operations:
 *  (a) every request body / query the client's types allow is allowed by ours;
 *  (b) every success response our types allow is assignable to the client's response type;
 *  (c) none of our types is `any`, `unknown` or `never`.
 * The supporting `getConnectedAccount` is checked for (b) and (c) as well.
 *
 * A failure here means the OpenAPI document is wrong: fix the document, not this test.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type {
  FileCreateDownloadURLParams,
  FileCreateDownloadURLResponse,
  FileCreateUploadURLParams,
  FileCreateUploadURLResponse,
  FileDeleteParams,
  FileDeleteResponse,
  FileListParams,
  FileListResponse,
  SessionAttachParams,
  SessionAttachResponse,
  SessionConfigHistoryParams,
  SessionConfigHistoryResponse,
  SessionCreateParams,
  SessionCreateResponse,
  SessionDeleteResponse,
  SessionExecuteMetaParams,
  SessionExecuteMetaResponse,
  SessionExecuteParams,
  SessionExecuteResponse,
  SessionLinkParams,
  SessionLinkResponse,
  SessionPatchParams,
  SessionPatchResponse,
  SessionProxyExecuteParams,
  SessionProxyExecuteResponse,
  SessionRetrieveResponse,
  SessionSearchParams,
  SessionSearchResponse,
  SessionToolkitsParams,
  SessionToolkitsResponse,
  SessionToolsParams,
  SessionToolsResponse,
} from '@composio/client';
import type { ConnectedAccountRetrieveResponse } from '@composio/client/resources/connected-accounts';
import type { PathParams, QueryParams, RequestBody, SuccessResponse } from '../../src/openapi-types.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
type IsUnknown<T> = IsAny<T> extends true ? false : unknown extends T ? true : false;
type IsNever<T> = [T] extends [never] ? true : false;
/** True when T is a usable, precise type: not any, not unknown, not never. */
type IsPrecise<T> = IsAny<T> extends true ? false : IsUnknown<T> extends true ? false : IsNever<T> extends true ? false : true;

/** The client's files params carry `session_id` (a path parameter) next to the body/query keys. */
type WithoutSessionId<T> = Omit<T, 'session_id'>;

describe('helper types catch what they should', () => {
  test('IsPrecise rejects any, unknown and never', () => {
    expectTypeOf<IsPrecise<any>>().toEqualTypeOf<false>();
    expectTypeOf<IsPrecise<unknown>>().toEqualTypeOf<false>();
    expectTypeOf<IsPrecise<never>>().toEqualTypeOf<false>();
    expectTypeOf<IsPrecise<{ a: string }>>().toEqualTypeOf<true>();
  });
});

describe('sessions', () => {
  test('createSession', () => {
    expectTypeOf<SessionCreateParams>().toExtend<RequestBody<'createSession'>>();
    expectTypeOf<SuccessResponse<'createSession'>>().toExtend<SessionCreateResponse>();
    expectTypeOf<IsPrecise<RequestBody<'createSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'createSession'>>>().toEqualTypeOf<true>();
  });

  test('getSession', () => {
    expectTypeOf<{ session_id: string }>().toExtend<PathParams<'getSession'>>();
    expectTypeOf<SuccessResponse<'getSession'>>().toExtend<SessionRetrieveResponse>();
    expectTypeOf<IsPrecise<PathParams<'getSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'getSession'>>>().toEqualTypeOf<true>();
  });

  test('patchSession', () => {
    expectTypeOf<SessionPatchParams>().toExtend<RequestBody<'patchSession'>>();
    expectTypeOf<SuccessResponse<'patchSession'>>().toExtend<SessionPatchResponse>();
    expectTypeOf<IsPrecise<RequestBody<'patchSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'patchSession'>>>().toEqualTypeOf<true>();
  });

  test('deleteSession', () => {
    expectTypeOf<{ session_id: string }>().toExtend<PathParams<'deleteSession'>>();
    expectTypeOf<SuccessResponse<'deleteSession'>>().toExtend<SessionDeleteResponse>();
    expectTypeOf<IsPrecise<PathParams<'deleteSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'deleteSession'>>>().toEqualTypeOf<true>();
  });

  test('attachSession', () => {
    expectTypeOf<SessionAttachParams>().toExtend<RequestBody<'attachSession'>>();
    expectTypeOf<SuccessResponse<'attachSession'>>().toExtend<SessionAttachResponse>();
    expectTypeOf<IsPrecise<RequestBody<'attachSession'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'attachSession'>>>().toEqualTypeOf<true>();
  });

  test('listSessionConfigHistory', () => {
    expectTypeOf<SessionConfigHistoryParams>().toExtend<QueryParams<'listSessionConfigHistory'>>();
    expectTypeOf<SuccessResponse<'listSessionConfigHistory'>>().toExtend<SessionConfigHistoryResponse>();
    expectTypeOf<IsPrecise<QueryParams<'listSessionConfigHistory'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'listSessionConfigHistory'>>>().toEqualTypeOf<true>();
  });
});

describe('tools', () => {
  test('searchTools', () => {
    expectTypeOf<SessionSearchParams>().toExtend<RequestBody<'searchTools'>>();
    expectTypeOf<SuccessResponse<'searchTools'>>().toExtend<SessionSearchResponse>();
    expectTypeOf<IsPrecise<RequestBody<'searchTools'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'searchTools'>>>().toEqualTypeOf<true>();
  });

  test('listSessionTools', () => {
    expectTypeOf<SessionToolsParams>().toExtend<QueryParams<'listSessionTools'>>();
    expectTypeOf<SuccessResponse<'listSessionTools'>>().toExtend<SessionToolsResponse>();
    expectTypeOf<IsPrecise<QueryParams<'listSessionTools'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'listSessionTools'>>>().toEqualTypeOf<true>();
  });

  test('executeTool', () => {
    expectTypeOf<SessionExecuteParams>().toExtend<RequestBody<'executeTool'>>();
    expectTypeOf<SuccessResponse<'executeTool'>>().toExtend<SessionExecuteResponse>();
    expectTypeOf<IsPrecise<RequestBody<'executeTool'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'executeTool'>>>().toEqualTypeOf<true>();
  });

  test('executeMetaTool', () => {
    expectTypeOf<SessionExecuteMetaParams>().toExtend<RequestBody<'executeMetaTool'>>();
    expectTypeOf<SuccessResponse<'executeMetaTool'>>().toExtend<SessionExecuteMetaResponse>();
    expectTypeOf<IsPrecise<RequestBody<'executeMetaTool'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'executeMetaTool'>>>().toEqualTypeOf<true>();
  });

  test('proxyExecute', () => {
    expectTypeOf<SessionProxyExecuteParams>().toExtend<RequestBody<'proxyExecute'>>();
    expectTypeOf<SuccessResponse<'proxyExecute'>>().toExtend<SessionProxyExecuteResponse>();
    expectTypeOf<IsPrecise<RequestBody<'proxyExecute'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'proxyExecute'>>>().toEqualTypeOf<true>();
  });
});

describe('connections', () => {
  test('createLink', () => {
    expectTypeOf<SessionLinkParams>().toExtend<RequestBody<'createLink'>>();
    expectTypeOf<SuccessResponse<'createLink'>>().toExtend<SessionLinkResponse>();
    expectTypeOf<IsPrecise<RequestBody<'createLink'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'createLink'>>>().toEqualTypeOf<true>();
  });

  test('listSessionToolkits', () => {
    expectTypeOf<SessionToolkitsParams>().toExtend<QueryParams<'listSessionToolkits'>>();
    expectTypeOf<SuccessResponse<'listSessionToolkits'>>().toExtend<SessionToolkitsResponse>();
    expectTypeOf<IsPrecise<QueryParams<'listSessionToolkits'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'listSessionToolkits'>>>().toEqualTypeOf<true>();
  });
});

describe('files', () => {
  test('listMountItems', () => {
    expectTypeOf<WithoutSessionId<FileListParams>>().toExtend<QueryParams<'listMountItems'>>();
    expectTypeOf<SuccessResponse<'listMountItems'>>().toExtend<FileListResponse>();
    expectTypeOf<IsPrecise<QueryParams<'listMountItems'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'listMountItems'>>>().toEqualTypeOf<true>();
  });

  test('createMountDownloadUrl', () => {
    expectTypeOf<WithoutSessionId<FileCreateDownloadURLParams>>().toExtend<RequestBody<'createMountDownloadUrl'>>();
    expectTypeOf<SuccessResponse<'createMountDownloadUrl'>>().toExtend<FileCreateDownloadURLResponse>();
    expectTypeOf<IsPrecise<RequestBody<'createMountDownloadUrl'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'createMountDownloadUrl'>>>().toEqualTypeOf<true>();
  });

  test('createMountUploadUrl', () => {
    expectTypeOf<WithoutSessionId<FileCreateUploadURLParams>>().toExtend<RequestBody<'createMountUploadUrl'>>();
    expectTypeOf<SuccessResponse<'createMountUploadUrl'>>().toExtend<FileCreateUploadURLResponse>();
    expectTypeOf<IsPrecise<RequestBody<'createMountUploadUrl'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'createMountUploadUrl'>>>().toEqualTypeOf<true>();
  });

  test('deleteMountItem', () => {
    expectTypeOf<WithoutSessionId<FileDeleteParams>>().toExtend<RequestBody<'deleteMountItem'>>();
    expectTypeOf<SuccessResponse<'deleteMountItem'>>().toExtend<FileDeleteResponse>();
    expectTypeOf<IsPrecise<RequestBody<'deleteMountItem'>>>().toEqualTypeOf<true>();
    expectTypeOf<IsPrecise<SuccessResponse<'deleteMountItem'>>>().toEqualTypeOf<true>();
  });
});

describe('supporting', () => {
  test('getConnectedAccount', () => {
    expectTypeOf<{ id: string }>().toExtend<PathParams<'getConnectedAccount'>>();
    expectTypeOf<SuccessResponse<'getConnectedAccount'>>().toExtend<ConnectedAccountRetrieveResponse>();
    expectTypeOf<IsPrecise<SuccessResponse<'getConnectedAccount'>>>().toEqualTypeOf<true>();
  });
});
