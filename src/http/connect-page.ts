/**
 * The Connect page at `/link/<token>`: what the user sees after following a link's
 * `redirect_url`. GET shows the toolkit (its initials as a badge: no external request), the
 * user, the scopes asked and Approve / Deny in a plain form (no JavaScript); POST `action=approve|deny` completes the link through the
 * engine and answers 303 to the callback URL, or a confirmation page without one.
 */
import type { Engine } from '../engine/engine.js';
import { ApiError, type ErrorCodeName } from '../engine/errors.js';
import { approveLink, denyLink, type LinkOutcome, openLink } from '../engine/links.js';
import type { MockRoute } from './handlers/types.js';
import { html, htmlResponse, layout } from './html-page.js';

const LINK_PREFIX = '/link/';
const LINK_PATH = /^\/link\/([A-Za-z0-9_-]{1,128})\/?$/;
const MAX_FORM_BYTES = 4096;

function scopesOf(engine: Engine, toolkit: string): string[] {
  const scopes = new Set<string>();
  for (const tool of engine.catalog.getToolkit(toolkit)?.tools ?? []) for (const scope of tool.scopes) scopes.add(scope);
  return [...scopes].sort();
}

/**
 * The toolkit's mark: its initials in a styled badge. The catalog's logo URLs are on the
 * internet, and the page promises that nothing leaves the machine.
 */
function initials(name: string): string {
  const capitals = name.match(/[A-Z0-9]/g) ?? [];
  if (capitals.length >= 2) return capitals.slice(0, 2).join('');
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
  return (letters.slice(0, 2) || '?').toUpperCase();
}

function errorPage(status: number, title: string, message: string, headers: Record<string, string> = {}): Response {
  return htmlResponse(status, layout(title, html`<h1>${title}</h1><p>${message}</p>`), headers);
}

const ERROR_TITLES: Partial<Record<ErrorCodeName, string>> = {
  LINK_INVALID: 'Link not found',
  LINK_USED: 'Link already used',
  LINK_EXPIRED: 'Link expired',
  ACCOUNT_LIMIT_REACHED: 'Account limit reached',
};

function renderError(error: unknown): Response {
  if (error instanceof ApiError) {
    const fix = error.suggestedFix ? ` ${error.suggestedFix}` : '';
    return errorPage(error.status, ERROR_TITLES[error.codeName] ?? 'Cannot complete this link', `${error.message}.${fix}`);
  }
  throw error;
}

function showPage(engine: Engine, token: string): Response {
  const { account, link } = openLink(engine, token);
  const toolkit = engine.catalog.getToolkit(account.toolkit);
  const name = toolkit?.name ?? account.toolkit;
  const scopes = scopesOf(engine, account.toolkit);
  const title = `Connect ${name}`;
  const content = html`
<div class="toolkit">
  <span class="badge" aria-hidden="true">${initials(name)}</span>
  <h1 id="connect-title">${title}</h1>
</div>
<p>An application asks to use your ${name} account on your behalf. This is the composio-mock Connect page: nothing leaves this machine.</p>
<dl>
  <dt>Toolkit</dt><dd>${name} (${account.toolkit})</dd>
  <dt>User</dt><dd>${account.user_id}</dd>
  ${account.alias !== undefined ? html`<dt>Account alias</dt><dd>${account.alias}</dd>` : ''}
  <dt>Account type</dt><dd>${account.account_type}</dd>
  <dt>Link expires</dt><dd><time datetime="${link.expires_at}">${link.expires_at}</time></dd>
</dl>
<h2 id="scopes-title">Access requested</h2>
${scopes.length > 0
  ? html`<ul class="scopes" aria-labelledby="scopes-title">${scopes.map((s) => html`<li><code>${s}</code></li>`)}</ul>`
  : html`<p>No specific scopes: basic access to the account.</p>`}
<form method="post" aria-labelledby="connect-title">
  <div class="actions">
    <button type="submit" name="action" value="approve">Approve</button>
    <button type="submit" name="action" value="deny">Deny</button>
  </div>
</form>
<p class="note">Connected account <code>${account.id}</code></p>`;
  return htmlResponse(200, layout(title, content));
}

async function readForm(request: Request): Promise<URLSearchParams | Response> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return errorPage(415, 'Unsupported form encoding', 'Submit the form as application/x-www-form-urlencoded.');
  }
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > MAX_FORM_BYTES) return errorPage(413, 'Form too large', 'The form data is larger than expected.');
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) return errorPage(413, 'Form too large', 'The form data is larger than expected.');
  return new URLSearchParams(text);
}

function outcomePage(outcome: LinkOutcome, approved: boolean): Response {
  if (outcome.redirect !== undefined) return htmlResponse(303, '', { location: outcome.redirect });
  const { account } = outcome;
  const title = approved ? 'Account connected' : 'Access denied';
  const content = approved
    ? html`<h1>${title}</h1><p>Your ${account.toolkit} account is connected (<code>${account.id}</code>, status ${account.status}). You can close this page and return to the application.</p>`
    : html`<h1>${title}</h1><p>You denied access; the connection request <code>${account.id}</code> is now ${account.status}. You can close this page.</p>`;
  return htmlResponse(200, layout(title, content));
}

async function complete(engine: Engine, request: Request, token: string): Promise<Response> {
  const form = await readForm(request);
  if (form instanceof Response) return form;
  const actions = form.getAll('action');
  const action = actions.length === 1 ? actions[0] : undefined;
  // Exactly one answer: `action=approve&action=deny` says both, so it says neither.
  if (action !== 'approve' && action !== 'deny') {
    return errorPage(400, 'Choose Approve or Deny', 'The form must carry exactly one action: action=approve or action=deny.');
  }
  const approved = action === 'approve';
  return outcomePage(approved ? approveLink(engine, token) : denyLink(engine, token), approved);
}

/**
 * The mock route for Connect pages.
 *
 * @example
 * mockRoutes.push(connectPageRoute);
 */
export const connectPageRoute: MockRoute = async (request, url, engine) => {
  if (!url.pathname.startsWith(LINK_PREFIX)) return undefined;
  const match = LINK_PATH.exec(url.pathname);
  // Everything under /link/ is a page a person opened: a malformed token gets the HTML 404
  // page, not the API's JSON one.
  if (!match) return errorPage(404, ERROR_TITLES.LINK_INVALID!, 'This connection link does not exist. Ask the application for a new link.');
  const token = match[1]!;
  try {
    switch (request.method.toUpperCase()) {
      case 'GET':
      case 'HEAD':
        return showPage(engine, token);
      case 'POST':
        return await complete(engine, request, token);
      default:
        return errorPage(405, 'Method not allowed', `Use GET to view this page and POST to answer it.`, { allow: 'GET, HEAD, POST' });
    }
  } catch (error) {
    return renderError(error);
  }
};
