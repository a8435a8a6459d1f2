/**
 * A fix for clients that retry on MSW-mocked responses.
 *
 * MSW (through @mswjs/interceptors) keeps a tee'd copy of every mocked response body for its
 * `response:mocked` event. A stream branch's `cancel()` settles only when both branches are
 * cancelled, and nobody reads or cancels MSW's copy, so a client that cancels a response body
 * before retrying (both Composio clients do on 408/409/429/5xx) waits forever. Cancelling MSW's
 * copy as soon as it is emitted lets every cancel settle; reading the real body is unaffected.
 */

/** The part of an MSW `setupServer`/`setupWorker` instance this needs. */
export interface MswEventSource {
  events: {
    on(event: 'response:mocked', listener: (args: { response: Response }) => void): void;
  };
}

/**
 * Call once per server, after `setupServer(...)`, when tests inject retryable failures.
 *
 * @example
 * const server = setupServer(...mock.handlers);
 * preventRetryHang(server);
 * mock.scenarios.failNext('executeTool', { status: 503 }); // the SDK retries and succeeds
 */
export function preventRetryHang(server: MswEventSource): void {
  server.events.on('response:mocked', ({ response }) => {
    void response.body?.cancel().catch(() => undefined);
  });
}
