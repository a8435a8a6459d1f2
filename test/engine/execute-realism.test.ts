/**
 * Execute data an agent can rely on (issue 4: "rich enough that an agent built against the mock
 * behaves the same in production"): each QA report's example runs through the app in-process with
 * ACTIVE accounts and the named facts are asserted; then every catalog tool runs with minimal and
 * with full arguments and its `data` is validated against the tool's own output schema.
 */
import { faker } from '@faker-js/faker';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/engine/catalog-types.js';
import { ManualClock } from '../../src/engine/clock.js';
import { fromSimplePattern } from '../../src/engine/generate-by-name.js';
import { createApp, type MockApp } from '../../src/http/app.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const NOW = '2026-03-10T12:00:00.000Z';
const SESSION = '/api/v3.1/tool_router/session';
const AUTH_TOOLKITS = ['github', 'gmail', 'slack', 'notion', 'linear', 'googlecalendar', 'googledrive', 'jira', 'hubspot', 'asana', 'discord', 'salesforce'];

type Data = Record<string, any>;

let app: MockApp;
let sessionId: string;

async function call(method: string, path: string, body?: unknown): Promise<Data> {
  const res = await app.fetch(
    new Request(`http://mock.local${path}`, {
      method,
      headers: { 'x-api-key': 'realism', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as Data;
}

async function execute(slug: string, args: Record<string, unknown>, account?: string): Promise<Data> {
  const res = await call('POST', `${SESSION}/${sessionId}/execute`, { tool_slug: slug, arguments: args, ...(account ? { account } : {}) });
  expect(res.error, `${slug}: ${res.error}`).toBeNull();
  return res.data.data as Data;
}

beforeAll(async () => {
  app = createApp({ seed: 5, clock: new ManualClock(NOW) });
  sessionId = (await call('POST', SESSION, { user_id: 'u' })).session_id;
  for (const toolkit of AUTH_TOOLKITS) await call('POST', '/_mock/connected_accounts', { user_id: 'u', toolkit, alias: 'work' });
  await call('POST', '/_mock/connected_accounts', { user_id: 'u', toolkit: 'github', alias: 'personal' });
});

const ms = (text: unknown) => Date.parse(String(text));

describe('execute realism: the QA examples', () => {
  it('GITHUB_LIST_REPOSITORY_ISSUES honours per_page and state, links on github.com/owner/repo', async () => {
    for (const perPage of [1, 2]) {
      const issues = (await execute('GITHUB_LIST_REPOSITORY_ISSUES', { owner: 'acme', repo: 'web', state: 'closed', per_page: perPage }, 'work')) as unknown as Data[];
      expect(issues.length).toBeGreaterThanOrEqual(1);
      expect(issues.length).toBeLessThanOrEqual(perPage);
      for (const issue of issues) {
        expect(issue.state).toBe('closed');
        expect(issue.html_url).toBe(`https://github.com/acme/web/issues/${issue.number}`);
        expect(ms(issue.updated_at)).toBeGreaterThanOrEqual(ms(issue.created_at));
        expect(ms(issue.closed_at)).toBeGreaterThanOrEqual(ms(issue.created_at));
        // Label names are labels (`bug`, `good first issue`), not people.
        for (const label of issue.labels) expect(label.name).toMatch(/^[a-z][a-z0-9 -]*$/);
      }
    }
  });

  it('GITHUB_CREATE_AN_ISSUE returns a new open issue that echoes title and labels', async () => {
    const issue = await execute('GITHUB_CREATE_AN_ISSUE', { owner: 'acme', repo: 'web', title: 'Login page crashes', labels: ['bug'] }, 'work');
    expect(issue.title).toBe('Login page crashes');
    expect(issue.state).toBe('open');
    expect(issue.closed_at).toBeNull();
    expect(issue.labels.map((label: Data) => label.name)).toEqual(['bug']);
    expect(ms(issue.updated_at)).toBeGreaterThanOrEqual(ms(issue.created_at));
    expect(ms(issue.created_at)).toBeLessThanOrEqual(ms(NOW));
    expect(ms(NOW) - ms(issue.created_at)).toBeLessThan(5 * 60_000);
    expect(issue.html_url).toBe(`https://github.com/acme/web/issues/${issue.number}`);
    expect(issue.number).toBeGreaterThanOrEqual(1);
  });

  it('GITHUB repositories are named like repositories, with full_name = owner/name', async () => {
    const repos = (await execute('GITHUB_LIST_REPOSITORIES_FOR_THE_AUTHENTICATED_USER', { per_page: 3 }, 'work')) as unknown as Data[];
    for (const repo of repos) {
      expect(repo.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(repo.full_name).toBe(`${repo.owner.login}/${repo.name}`);
      expect(repo.html_url).toBe(`https://github.com/${repo.owner.login}/${repo.name}`);
    }
  });

  it('HUBSPOT_CREATE_CONTACT echoes at depth 2 and names the person after the email', async () => {
    const contact = await execute('HUBSPOT_CREATE_CONTACT', { email: 'jane@acme.com' });
    expect(contact.properties.email).toBe('jane@acme.com');
    expect(contact.properties.firstname).toBe('Jane');
    expect(contact.properties.lifecyclestage).toBe('subscriber');
    expect(contact.url).toBe(`https://app.hubspot.com/contacts/4242424/record/0-1/${contact.id}`);
  });

  it('GMAIL_FETCH_EMAILS honours max_results and from:, with real label ids and MIME types', async () => {
    const page = await execute('GMAIL_FETCH_EMAILS', { query: 'from:boss@acme.com is:unread', max_results: 2 });
    expect(page.messages.length).toBeGreaterThanOrEqual(1);
    expect(page.messages.length).toBeLessThanOrEqual(2);
    for (const message of page.messages) {
      expect(message.sender).toContain('boss@acme.com');
      for (const label of message.labelIds) expect(label).toMatch(/^([A-Z_]+|Label_[0-9]+)$/);
      for (const attachment of message.attachmentList) expect(attachment.mimeType).toMatch(/^(application|image|text)\/[\w.+-]+$/);
    }
    expect(page.resultSizeEstimate).toBeGreaterThanOrEqual(page.messages.length);
  });

  it('WEATHERMAP_WEATHER names the place asked for, with plausible measurements', async () => {
    for (const location of ['Paris,FR', 'London', 'Tokyo,JP']) {
      const weather = await execute('WEATHERMAP_WEATHER', { location });
      expect(weather.name).toBe(location.split(',')[0]);
      expect(Math.abs(weather.coord.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(weather.coord.lon)).toBeLessThanOrEqual(180);
      expect(weather.main.humidity).toBeGreaterThanOrEqual(0);
      expect(weather.main.humidity).toBeLessThanOrEqual(100);
      expect(weather.main.temp_min).toBeLessThanOrEqual(weather.main.temp);
      expect(weather.main.temp).toBeLessThanOrEqual(weather.main.temp_max);
    }
  });

  it('GOOGLECALENDAR_CREATE_EVENT echoes the start in its zone and ends after the asked duration', async () => {
    const event = await execute('GOOGLECALENDAR_CREATE_EVENT', {
      summary: 'Sync',
      start_datetime: '2026-03-20T10:00:00',
      timezone: 'Europe/Paris',
      event_duration_minutes: 45,
    });
    expect(event.summary).toBe('Sync');
    expect(event.start.dateTime).toBe('2026-03-20T10:00:00+01:00');
    expect(event.start.timeZone).toBe('Europe/Paris');
    expect(ms(event.end.dateTime) - ms(event.start.dateTime)).toBe(45 * 60_000);
    expect(event.status).toBe('confirmed');
    expect(event.htmlLink).toBe(`https://www.google.com/calendar/event?eid=${event.id}`);
  });

  it('GOOGLECALENDAR_EVENTS_LIST honours maxResults; events end after they start, in IANA zones', async () => {
    const page = await execute('GOOGLECALENDAR_EVENTS_LIST', { maxResults: 2 });
    expect(page.items.length).toBeLessThanOrEqual(2);
    for (const event of page.items) {
      expect(ms(event.end.dateTime) - ms(event.start.dateTime)).toBeGreaterThanOrEqual(30 * 60_000);
      expect(ms(event.end.dateTime) - ms(event.start.dateTime)).toBeLessThanOrEqual(90 * 60_000);
      expect(event.start.timeZone).toMatch(/^([A-Z][A-Za-z_]+\/[A-Za-z_]+|UTC)$/);
      expect(ms(event.updated)).toBeGreaterThanOrEqual(ms(event.created));
    }
  });

  it('SLACK_LIST_ALL_CHANNELS honours limit; channels have channel names', async () => {
    const page = await execute('SLACK_LIST_ALL_CHANNELS', { limit: 2 });
    expect(page.channels.length).toBeGreaterThanOrEqual(1);
    expect(page.channels.length).toBeLessThanOrEqual(2);
    for (const channel of page.channels) {
      expect(channel.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(channel.id).toMatch(/^C[A-Z0-9]{8,10}$/);
    }
    expect(page.ok).toBe(true);
  });

  it('JIRA_SEARCH_FOR_ISSUES_USING_JQL follows the JQL project and status', async () => {
    const page = await execute('JIRA_SEARCH_FOR_ISSUES_USING_JQL', { jql: 'project = PROJ AND status = "In Progress"', max_results: 3 });
    expect(page.issues.length).toBeGreaterThanOrEqual(1);
    expect(page.issues.length).toBeLessThanOrEqual(3);
    for (const issue of page.issues) {
      expect(issue.key).toMatch(/^PROJ-[1-9][0-9]*$/);
      expect(issue.fields.project.key).toBe('PROJ');
      expect(issue.fields.status.name).toBe('In Progress');
      expect(ms(issue.fields.updated)).toBeGreaterThanOrEqual(ms(issue.fields.created));
    }
  });

  it('two accounts of one user are two people; one account is always the same person', async () => {
    const work = await execute('GITHUB_GET_THE_AUTHENTICATED_USER', {}, 'work');
    const personal = await execute('GITHUB_GET_THE_AUTHENTICATED_USER', {}, 'personal');
    const again = await execute('GITHUB_GET_THE_AUTHENTICATED_USER', {}, 'work');
    expect(personal.login).not.toBe(work.login);
    expect(again).toEqual(work);
    // One person per object: the login, name and email agree.
    expect(work.html_url).toBe(`https://github.com/${work.login}`);
    const [first = '', last = ''] = String(work.name).toLowerCase().split(' ');
    expect(String(work.email)).toContain(first.replace(/[^a-z]/g, ''));
    expect(work.login).toContain(last.replace(/[^a-z]/g, ''));
  });
});

describe('execute realism: every output validates against its own schema', () => {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  faker.seed(4);

  /** A value for an input schema: its example, enum, default, else one of its type (patterns satisfied). */
  function sample(schema: JsonSchema, all: boolean): unknown {
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (type === 'object') {
      const keys = all ? Object.keys(properties) : ((schema.required ?? []) as string[]);
      return Object.fromEntries(keys.map((key) => [key, sample(properties[key] ?? {}, all)]));
    }
    if (type === 'array') return [sample((schema.items ?? {}) as JsonSchema, all)];
    if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 2;
    if (type === 'boolean') return true;
    if (typeof schema.pattern === 'string') return fromSimplePattern(schema.pattern, faker) ?? 'x';
    const formats: Record<string, string> = {
      email: 'jane.doe@acme.com',
      'date-time': '2026-03-12T09:30:00Z',
      date: '2026-03-12',
      uri: 'https://example.com/a',
      uuid: '2f1c7a52-9a51-4d8f-8d0c-2b0f3f8a9e11',
    };
    return formats[String(schema.format)] ?? 'sample';
  }

  it('with minimal (required-only) and with full arguments, for every catalog tool', async () => {
    let fullRuns = 0;
    for (const tool of app.engine.catalog.tools) {
      const validate = ajv.compile(tool.output_parameters);
      for (const all of [false, true]) {
        const args = sample(tool.input_parameters, all) as Record<string, unknown>;
        const res = await call('POST', `${SESSION}/${sessionId}/execute`, { tool_slug: tool.slug, arguments: args, account: 'work' });
        // Full arguments may combine options a tool refuses; minimal ones never may.
        if (all && res.error !== null) continue;
        expect(res.error, `${tool.slug} ${JSON.stringify(args)}`).toBeNull();
        if (all) fullRuns += 1;
        if (!validate(res.data)) throw new Error(`${tool.slug} (${all ? 'full' : 'minimal'}): ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(fullRuns).toBeGreaterThanOrEqual(app.engine.catalog.tools.length * 0.9);
  });
});
