import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('API foundation against real PostgreSQL and Keycloak', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports database and Keycloak as up on the public health endpoint', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.details.database.status).toBe('up');
    expect(body.details.keycloak.status).toBe('up');
  });

  it('applies the migrations through TypeORM, never synchronize', async () => {
    const client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
    try {
      const { rows } = await client.query('select name from schema_migrations order by id');
      expect(rows.map((r) => r.name)).toContain('AuditLog1763798400000');
    } finally {
      await client.end();
    }
  });

  it('refuses a request without a token with 401 and a sentence saying why', async () => {
    const res = await fetch(`${t.baseUrl}/me`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.message).toMatch(/missing access token/);
    expect(body.requestId).toEqual(expect.any(String));
  });

  it('tells the user who they are, with roles and scope from Keycloak', async () => {
    const res = await fetch(`${t.baseUrl}/me`, {
      headers: { authorization: `Bearer ${await tokenFor('jinfeng.spj.head')}` },
    });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.username).toBe('jinfeng.spj.head');
    expect(me.roles).toEqual(['dept-head']);
    expect(me.permissions).toContain('task:sign-off');
    expect(me.scope.regions).toEqual([{ code: '640106', nameZh: '金凤区', nameEn: 'Jinfeng' }]);
    expect(me.scope.units).toEqual(['640106:spj']);
  });

  it('gives a city administrator the city as scope', async () => {
    const res = await fetch(`${t.baseUrl}/me`, {
      headers: { authorization: `Bearer ${await tokenFor('yinchuan.admin')}` },
    });
    const me = await res.json();
    expect(me.roles).toEqual(['city-admin']);
    expect(me.scope.regions.map((r: { code: string }) => r.code)).toEqual(['640100']);
    expect(me.permissions).toContain('bulletin:publish');
  });

  it('serves the OpenAPI description', async () => {
    const res = await fetch(`${t.baseUrl}/docs-json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.info.title).toBe('Efficacy API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/me', '/api/auth/config']),
    );
  });
});
