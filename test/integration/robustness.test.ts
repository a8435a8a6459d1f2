/**
 * Hostile and malformed input, generated from a seed: every operation's documented example
 * mutated at random (keys dropped, types swapped, huge, empty, control and astral strings, deep
 * nesting, prototype keys), odd path and query parameters, and every catalog tool executed
 * with arguments of the wrong kind. The standard under test: a 4xx in the API's envelope or a
 * success, never a 5xx, never a crash, and the mock still answers afterwards.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock.js';
import { Random } from '../../src/engine/random.js';
import { loadControlPlaneSpec, loadToolRouterSpec } from '../../src/spec/load-spec.js';
import { createApp } from '../../src/http/app.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEY = 'robust-key';
const SESSION = '/api/v3.1/tool_router/session';
const MUTATIONS_PER_EXAMPLE = 40;

function deep(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** Values that break naive code: wrong types, extremes, odd text. */
const NASTY: Json[] = [
  null, true, false, 0, -1, 1.5, -0.000001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2,
  '', ' ', 'x'.repeat(20_000), '\u0000', '\u202e\u200b', '🙂🙃', '%00', '%ZZ', '../../etc/passwd', '<script>alert(1)</script>',
  'trs_missing', 'GITHUB_CREATE_AN_ISSUE', 'COMPOSIO_SEARCH_TOOLS', '2026-13-45T99:99:99Z', 'constructor', '__proto__',
  [], {}, [null], [[[]]], { '': '' }, JSON.parse('{"__proto__": {"polluted": true}}') as Json, { constructor: { prototype: { polluted: true } } },
  deep(60), Array.from({ length: 2000 }, (_, i) => i), Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[random.int(0, list.length - 1)]!;
}

/** A fresh copy of a nasty value (a shared one could end up inside itself). */
function nasty(random: Random): Json {
  return JSON.parse(JSON.stringify(pick(random, NASTY))) as Json;
}

/** Every container of a JSON value with a key into it (objects and arrays). */
function slots(value: Json, out: Array<{ holder: Record<string, Json> | Json[]; key: string | number }> = []): typeof out {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ holder: value, key: i }), slots(item, out)));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) out.push({ holder: value, key }), slots(value[key]!, out);
  return out;
}

/** One random change (sometimes two) to a copy of `example`. */
function mutate(example: Json, random: Random): Json {
  const copy = JSON.parse(JSON.stringify(example)) as Json;
  if (random.next() < 0.08) return nasty(random);
  const rounds = random.next() < 0.3 ? 2 : 1;
  for (let r = 0; r < rounds; r++) {
    const places = slots(copy);
    if (places.length === 0) return nasty(random);
    const { holder, key } = pick(random, places);
    const roll = random.next();
    if (roll < 0.25 && !Array.isArray(holder)) delete (holder as Record<string, Json>)[key as string];
    else if (roll < 0.35 && !Array.isArray(holder)) (holder as Record<string, Json>)[`extra_${random.chars(4)}`] = nasty(random);
    else if (roll < 0.45) (holder as Record<string | number, Json>)[key] = [(holder as Record<string | number, Json>)[key]!];
    else (holder as Record<string | number, Json>)[key] = nasty(random);
  }
  return copy;
}

const ODD_IDS = ['', '%', '%ZZ', '%2F', '..', 'trs_missing', `trs_${'a'.repeat(3000)}`, '🙂', 'null', '__proto__', 'constructor'];
const ODD_QUERIES = ['limit=-1', 'limit=0', 'limit=100000', 'limit=abc', 'limit=1.5', 'cursor=%ZZ', 'cursor=zzz', 'cursor=', 'toolkits=', 'toolkits=nope,,x', 'is_connected=maybe', 'search=%00', 'mount_relative_prefix=../..', 'limit=1&limit=2'];

/** An app, a seeded random stream, and a `send` that records every 5xx and every 4xx without the error envelope. */
function harness(seed: number) {
  const app = createApp({ seed: 11, clock: new ManualClock('2026-06-01T12:00:00Z') });
  const random = new Random(seed);
  const failures: string[] = [];
  let sent = 0;
  const send = async (method: string, path: string, body?: unknown, raw?: string) => {
    sent++;
    const res = await app.fetch(
      new Request(`http://127.0.0.1:4010${path}`, {
        method,
        headers: { 'x-api-key': KEY, ...(body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await res.text();
    const label = `${method} ${path.slice(0, 120)} ${(raw ?? JSON.stringify(body) ?? '').slice(0, 700)}`;
    // Pages a person opens (the Connect page) answer errors in HTML, by design.
    const html = (res.headers.get('content-type') ?? '').startsWith('text/html');
    if (res.status >= 500) failures.push(`${res.status} for ${label}: ${text.slice(0, 300)}`);
    else if (res.status >= 400 && !html) {
      const envelope = (() => {
        try {
          return JSON.parse(text) as { error?: { status?: number; message?: unknown } };
        } catch {
          return undefined;
        }
      })();
      if (envelope?.error?.status !== res.status || typeof envelope.error.message !== 'string') failures.push(`${res.status} without the error envelope for ${label}: ${text.slice(0, 200)}`);
    }
    return { status: res.status, text };
  };
  const session = async () => {
    const created = JSON.parse((await send('POST', SESSION, { user_id: 'u', toolkits: { enable: ['github', 'gmail', 'slack', 'hackernews', 'weathermap', 'googlecalendar'] } })).text) as { session_id: string };
    for (const toolkit of ['github', 'gmail', 'slack', 'googlecalendar']) await send('POST', '/_mock/connected_accounts', { user_id: 'u', toolkit });
    return created.session_id;
  };
  return { app, random, failures, send, session, sent: () => sent };
}

type Doc = { paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, { examples?: Record<string, { value: Json }> }> } }>> };

function examplesOf(op: Doc['paths'][string][string]): Json[] {
  return Object.values(op.requestBody?.content?.['application/json']?.examples ?? {}).map((e) => e.value);
}

describe('robustness: hostile input never gets a 5xx', () => {
  it('API operations: mutated bodies, odd parameters and wrong-kind tool arguments; the mock keeps answering', async () => {
    const { app, random, failures, send, session, sent } = harness(2026);
    const sid = await session();

    // Every documented request example, mutated.
    const doc = loadToolRouterSpec() as unknown as Doc;
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.operationId) continue;
        const path = template.replace('{session_id}', sid).replace('{mount_id}', 'files').replace('{id}', 'ca_missing');
        const examples = examplesOf(op);
        for (const example of examples) {
          for (let i = 0; i < MUTATIONS_PER_EXAMPLE; i++) await send(method.toUpperCase(), path, mutate(example, random));
        }
        if (examples.length > 0) {
          for (const raw of ['', '{', '[]', 'null', '"text"', '{"a":1}{"b":2}', '\u0000', `{"x":"${'y'.repeat(10)}"`]) await send(method.toUpperCase(), path, undefined, raw);
        }
        for (const odd of ODD_IDS) await send(method.toUpperCase(), template.replace('{session_id}', encodeURIComponent(odd) || odd).replace('{mount_id}', 'files').replace('{id}', encodeURIComponent(odd)), examples[0]);
        if (method === 'get') for (const query of ODD_QUERIES) await send('GET', `${path}?${query}`);
      }
    }

    // Every catalog tool with arguments of the wrong kind (the output generator echoes arguments).
    for (const tool of app.engine.catalog.tools) {
      const properties = Object.keys((tool.input_parameters.properties ?? {}) as Record<string, unknown>);
      for (let i = 0; i < 3; i++) {
        const args = Object.fromEntries(properties.map((name) => [name, nasty(random)]));
        await send('POST', `${SESSION}/${sid}/execute`, { tool_slug: tool.slug, arguments: args });
      }
    }
    // Meta tools with mutated arguments, through both routes.
    for (const slug of ['COMPOSIO_SEARCH_TOOLS', 'COMPOSIO_GET_TOOL_SCHEMAS', 'COMPOSIO_MULTI_EXECUTE_TOOL', 'COMPOSIO_MANAGE_CONNECTIONS', 'COMPOSIO_REMOTE_WORKBENCH', 'COMPOSIO_REMOTE_BASH_TOOL']) {
      for (let i = 0; i < 20; i++) {
        const args = mutate({ queries: [{ use_case: 'send an email' }], tool_slugs: ['GMAIL_SEND_EMAIL'], tools: [{ tool_slug: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} }], toolkits: ['github'], code_to_execute: 'print(1)', command: 'ls' }, random);
        await send('POST', `${SESSION}/${sid}/execute_meta`, { slug: slug, arguments: args });
        await send('POST', `${SESSION}/${sid}/execute`, { tool_slug: slug, arguments: args });
      }
    }

    expect(failures).toEqual([]);
    expect(sent()).toBeGreaterThan(1500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await send('GET', `${SESSION}/${sid}`)).status).toBe(200);
  }, 120_000);

  it('the control plane, the MCP endpoint, the Connect page and file URLs: mutated input, no 5xx', async () => {
    const { random, failures, send, session, sent } = harness(7);
    const sid = await session();
    const doc = loadControlPlaneSpec() as unknown as Doc;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        // A reset would only forget the session this test drives; it is covered by its own tests.
        if (!op.operationId || op.operationId === 'resetMock') continue;
        for (const example of examplesOf(op)) {
          for (let i = 0; i < MUTATIONS_PER_EXAMPLE; i++) {
            await send(method.toUpperCase(), path, mutate(example, random));
            // An accepted fault would make the next requests fail on purpose: clear it at once.
            if (op.operationId === 'addMockFault') await send('DELETE', '/_mock/faults');
          }
        }
      }
    }
    await send('POST', '/_mock/clock', { set: '2026-06-01T12:00:00Z' });

    const mcp = `/tool_router/v3.1/${sid}/mcp`;
    const rpc = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'HACKERNEWS_GET_FRONTPAGE', arguments: {} } };
    for (let i = 0; i < 80; i++) await send('POST', mcp, mutate(rpc as unknown as Json, random));
    for (const raw of ['', '{', '[]', '[{}]', 'null', '{"jsonrpc":"2.0","method":"initialize"}']) await send('POST', mcp, undefined, raw);

    const link = JSON.parse((await send('POST', `${SESSION}/${sid}/link`, { toolkit: 'notion' })).text) as { redirect_url?: string; link_token?: string };
    const token = link.link_token ?? 'lt_missing';
    for (const odd of [token, `${token}x`, '', '%ZZ', '..', 'lt_🙂']) {
      await send('GET', `/link/${odd}`);
      await send('POST', `/link/${odd}`, undefined, 'decision=approve');
      await send('POST', `/link/${odd}`, undefined, `decision=${'x'.repeat(5000)}`);
    }
    const upload = JSON.parse((await send('POST', `${SESSION}/${sid}/mounts/files/upload_url`, { mount_relative_path: 'a.txt' })).text) as { upload_url?: string };
    const uploadPath = upload.upload_url ? new URL(upload.upload_url).pathname + new URL(upload.upload_url).search : `/_mock/files/${sid}/files/a.txt`;
    for (const odd of [uploadPath, `${uploadPath}x`, uploadPath.replace(/sig=[^&]+/, 'sig=0'), uploadPath.split('?')[0]!, '/_mock/files/%ZZ', '/_mock/files/../../etc']) {
      await send('PUT', odd, undefined, 'hello');
      await send('GET', odd);
    }

    expect(failures).toEqual([]);
    expect(sent()).toBeGreaterThan(300);
    expect((await send('GET', `${SESSION}/${sid}`)).status).toBe(200);
  }, 120_000);
});
