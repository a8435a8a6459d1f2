/**
 * The "bare" baseline: a plain `node:http` server that answers each recorded request with the
 * exact status, headers and body bytes the mock gave for it, and does nothing else. It shows
 * what node's HTTP stack costs alone on this machine.
 *
 * Run as a child process: `node --import tsx bench/bare-server.ts <recordings.json> <port>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Recording } from './record.js';

const [file, portText] = process.argv.slice(2);
if (!file || !portText) {
  process.stderr.write('usage: bare-server.ts <recordings.json> <port>\n');
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Recording>;
const answers = new Map(
  Object.entries(recorded).map(([key, r]) => [key, { status: r.status, headers: r.headers.flat(), body: Buffer.from(r.bodyBase64, 'base64') }]),
);

const server = createServer((req, res) => {
  const answer = answers.get(`${req.method} ${req.url}`);
  // Read (and drop) any upload before answering, as the mock does.
  req.resume();
  req.on('end', () => {
    if (!answer) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('bare server ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
