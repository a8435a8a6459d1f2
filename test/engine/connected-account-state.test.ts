import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/engine/catalog.js';
import type { CatalogToolkit } from '../../src/engine/catalog-types.js';
import { ManualClock } from '../../src/engine/clock.js';
import { createActiveAccount, getConnectedAccount } from '../../src/engine/connected-accounts.js';
import { Engine } from '../../src/engine/engine.js';
import { specViolations } from '../support/spec-check.js';

function toolkit(slug: string, schemes: string[]): CatalogToolkit {
  return {
    slug,
    name: slug,
    description: slug,
    logo: 'https://logos.example/x',
    categories: [],
    is_no_auth: false,
    composio_managed_auth_schemes: schemes,
    base_url: 'https://api.example',
    tools: [
      {
        slug: `${slug.toUpperCase()}_PING`,
        name: 'ping',
        description: 'ping',
        tags: [],
        scopes: [],
        input_parameters: { type: 'object', properties: {} },
        output_parameters: { type: 'object', properties: {} },
        version: '1',
        available_versions: ['1'],
      },
    ],
  };
}

const ctx = { apiKey: 'k', origin: 'http://127.0.0.1:4010' };

describe('connected account state per auth scheme', () => {
  const engine = new Engine({
    catalog: buildCatalog([toolkit('keyed', ['API_KEY', 'OAUTH2']), toolkit('bearer', ['BEARER_TOKEN'])]),
    seed: 1,
    clock: new ManualClock('2026-01-01T00:00:00Z'),
  });

  it('takes the first modelled scheme, and OAUTH2 when the toolkit lists none', () => {
    expect(createActiveAccount(engine, ctx, { user_id: 'u', toolkit: 'keyed' }).state.authScheme).toBe('API_KEY');
    const bearer = createActiveAccount(engine, ctx, { user_id: 'u', toolkit: 'bearer' });
    expect(bearer.auth_config.auth_scheme).toBe('OAUTH2');
    expect(specViolations('getConnectedAccount', 200, new Headers({ 'x-request-id': 'r', 'content-type': 'application/json' }), bearer)).toEqual([]);
  });

  it('reports a revoked API_KEY account as INACTIVE in its state and REVOKED in its status, valid against the document', () => {
    const view = createActiveAccount(engine, ctx, { user_id: 'u2', toolkit: 'keyed' });
    const record = engine.store.project('k').connectedAccounts.get(view.id)!;
    record.status = 'REVOKED';
    const revoked = getConnectedAccount(engine, ctx, view.id);
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.state).toEqual({ authScheme: 'API_KEY', val: { status: 'INACTIVE' } });
    expect(specViolations('getConnectedAccount', 200, new Headers({ 'x-request-id': 'r', 'content-type': 'application/json' }), revoked)).toEqual([]);
  });
});
