/**
 * Where a toolkit's pages and API live, so generated links (`html_url`, `permalink`,
 * `webViewLink`) point at the real service rather than a random domain. Data, not behaviour:
 * a toolkit missing here (and every no-auth toolkit whose links point at the wider web) keeps
 * random links. Hosts that depend on the customer's site use a placeholder subdomain.
 */

/**
 * One toolkit's hosts.
 *
 * @example
 * const github: ToolkitHosts = { web: 'https://github.com', api: 'https://api.github.com' };
 */
export interface ToolkitHosts {
  /** Origin (and fixed path prefix) of the web pages people open. */
  web: string;
  /** Base of the REST API, for links described as API urls. */
  api: string;
}

const HOSTS: Record<string, ToolkitHosts> = {
  github: { web: 'https://github.com', api: 'https://api.github.com/repos' },
  gmail: { web: 'https://mail.google.com/mail/u/0', api: 'https://gmail.googleapis.com/gmail/v1/users/me' },
  googlecalendar: { web: 'https://calendar.google.com/calendar/event', api: 'https://www.googleapis.com/calendar/v3' },
  googledrive: { web: 'https://drive.google.com/file/d', api: 'https://www.googleapis.com/drive/v3/files' },
  slack: { web: 'https://acme-team.slack.com/archives', api: 'https://slack.com/api' },
  notion: { web: 'https://www.notion.so', api: 'https://api.notion.com/v1' },
  linear: { web: 'https://linear.app/acme', api: 'https://api.linear.app' },
  jira: { web: 'https://acme.atlassian.net/browse', api: 'https://acme.atlassian.net/rest/api/3' },
  hubspot: { web: 'https://app.hubspot.com/contacts/4242424', api: 'https://api.hubapi.com/crm/v3/objects' },
  asana: { web: 'https://app.asana.com/0', api: 'https://app.asana.com/api/1.0' },
  discord: { web: 'https://discord.com/channels', api: 'https://discord.com/api/v10' },
  salesforce: { web: 'https://acme.lightning.force.com/lightning/r', api: 'https://acme.my.salesforce.com/services/data/v60.0' },
};

// Longest toolkit slug first so `googledrive` is not read as a shorter prefix.
const PREFIXES = Object.keys(HOSTS).sort((a, b) => b.length - a.length);

/**
 * The hosts of the toolkit a tool slug belongs to (its prefix), or `undefined`.
 *
 * @example
 * hostsForTool('GITHUB_CREATE_AN_ISSUE'); // { web: 'https://github.com', api: 'https://api.github.com/repos' }
 * hostsForTool('HACKERNEWS_GET_FRONTPAGE'); // undefined
 */
export function hostsForTool(toolSlug: string): ToolkitHosts | undefined {
  const slug = toolSlug.toLowerCase();
  const prefix = PREFIXES.find((key) => slug.startsWith(`${key}_`));
  return prefix ? HOSTS[prefix] : undefined;
}
