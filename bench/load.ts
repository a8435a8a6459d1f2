/**
 * A closed-loop load generator over raw keep-alive sockets: `concurrency` connections, each
 * sending its next request as soon as the previous answer is complete, for a fixed time after
 * a warm-up. Latency is measured per request from the write to the last byte of the answer.
 */
import { connect, type Socket } from 'node:net';
import { parseResponse } from './http-wire.js';

export interface LoadOptions {
  /** `127.0.0.1` */
  host: string;
  port: number;
  /** Prebuilt request bytes, used in turn (see `requestBytes`). */
  requests: Buffer[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Answers completed inside the measured window. */
  requests: number;
  /** Answers completed in all, warm-up included. */
  totalRequests: number;
  /** CPU the load generator itself used per answer, in microseconds (whole run). */
  clientCpuUsPerRequest: number;
  /** Answers whose status was not 2xx, or connections that failed (measured window). */
  errors: number;
  /** Status codes seen in the measured window, with counts. */
  statuses: Record<number, number>;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Every measured latency in ms, sorted ascending (for pooling several runs). */
  latencies: Float64Array;
}

/**
 * The p-th percentile of ascending latencies.
 *
 * @example
 * percentile(Float64Array.from([1, 2, 3]), 50); // 2
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs one load test and resolves with its figures.
 *
 * @example
 * const result = await runLoad({ host: '127.0.0.1', port: 4010, requests: [bytes], concurrency: 32, warmupMs: 500, durationMs: 3000 });
 * result.rps;
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { host, port, requests, concurrency } = options;
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let total = 0;
  let errors = 0;
  const cpuAtStart = process.cpuUsage();
  const statuses: Record<number, number> = {};
  let next = 0;
  let active = concurrency;

  const record = (sentAt: number, doneAt: number, status: number) => {
    total += 1;
    if (sentAt < measureFrom || doneAt > stopAt) return;
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = doneAt - sentAt;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status < 200 || status > 299) errors += 1;
  };

  return new Promise((resolve) => {
    const finishOne = () => {
      active -= 1;
      if (active > 0) return;
      const sorted = latencies.slice(0, count).sort();
      const cpu = process.cpuUsage(cpuAtStart);
      resolve({
        requests: count,
        totalRequests: total,
        clientCpuUsPerRequest: total ? (cpu.user + cpu.system) / total : Number.NaN,
        errors,
        statuses,
        rps: count / (options.durationMs / 1000),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        latencies: sorted,
      });
    };

    const worker = () => {
      let socket: Socket;
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let done = false;

      const send = () => {
        if (performance.now() >= stopAt) {
          done = true;
          socket.end();
          finishOne();
          return;
        }
        sentAt = performance.now();
        socket.write(requests[next++ % requests.length]!);
      };
      const connectSocket = () => {
        buffer = Buffer.alloc(0);
        socket = connect({ host, port, noDelay: true });
        socket.on('connect', send);
        socket.on('data', (chunk: Buffer) => {
          buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
          const res = parseResponse(buffer);
          if (!res) return;
          record(sentAt, performance.now(), res.status);
          buffer = buffer.subarray(res.length);
          if (res.close) {
            socket.removeAllListeners();
            socket.destroy();
            connectSocket();
          } else {
            send();
          }
        });
        // A connection the server dropped (or refused) is counted and replaced.
        socket.on('error', () => undefined);
        socket.on('close', () => {
          if (done) return;
          if (sentAt >= measureFrom) errors += 1;
          socket.removeAllListeners();
          if (performance.now() >= stopAt) {
            done = true;
            finishOne();
          } else {
            setTimeout(connectSocket, 5);
          }
        });
      };
      connectSocket();
    };

    for (let i = 0; i < concurrency; i++) worker();
  });
}
