/**
 * A tiny HTML template for the pages the mock serves itself (the Connect page and its
 * outcomes): one accessible layout, every interpolated value escaped, no JavaScript.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup already built from escaped parts. */
export interface Html {
  readonly __html: string;
}

/**
 * Tagged template: interpolated strings are escaped, `Html` values and arrays of them are
 * inserted as they are.
 *
 * @example
 * html`<p>${userInput}</p>`.__html;
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { __html: out };
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && '__html' in (value as object)) return (value as Html).__html;
  return escapeHtml(String(value));
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f4f5f7; color: #111827; line-height: 1.5; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; border: 1px solid #d1d5db; border-radius: 0.75rem; padding: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  .toolkit { display: flex; align-items: center; gap: 0.75rem; }
  .badge { display: inline-flex; align-items: center; justify-content: center; width: 48px; height: 48px; border-radius: 0.5rem;
    background: #1f2937; color: #fff; font-weight: 700; font-size: 1.1rem; letter-spacing: 0.02em; flex: none; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  ul.scopes { padding-left: 1.25rem; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  button { font: inherit; font-weight: 600; padding: 0.6rem 1.4rem; border-radius: 0.5rem; cursor: pointer; border: 2px solid #1f2937; }
  button[value="approve"] { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
  button[value="deny"] { background: #fff; color: #1f2937; }
  :focus-visible { outline: 3px solid #b45309; outline-offset: 3px; }
  .note { color: #4b5563; font-size: 0.9rem; }
`;

/**
 * A whole page: `lang`, a title, a `<main>` landmark.
 *
 * @example
 * const body = layout('Connect GitHub', html`<h1>Connect GitHub</h1>`);
 */
export function layout(title: string, content: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content.__html}
</main>
</body>
</html>
`;
}

/**
 * An HTML response with headers that keep the page inert: no scripts, no framing, no caching,
 * no request to another origin (images only from the mock itself or data: URIs).
 * `form-action` is left open on purpose: Chromium applies it to the redirect after the form
 * is posted, and the callback URL is on another origin.
 *
 * @example
 * htmlResponse(200, layout('Done', html`<h1>Done</h1>`));
 */
export function htmlResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  });
}
