import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('deleting a target against real PostgreSQL and Keycloak', () => {
  let t: TestApp;

  const call = async (user: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${await tokenFor(user)}`,
      },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const put = (user: string, body: unknown) =>
    call(user, '/targets', { method: 'PUT', body: JSON.stringify(body) });
  const del = (user: string, query: string) =>
    call(user, `/targets?${query}`, { method: 'DELETE' });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("removes a county's own target (audited); the county falls back to the city's", async () => {
    const rule = { indicator: 'satisfaction', year: 2047, comparator: '>=' };
    expect((await put('yinchuan.admin', { ...rule, regionCode: '640100', value: 95 })).status).toBe(
      200,
    );
    await put('jinfeng.admin', { ...rule, regionCode: '640106', value: 98 });
    const own = await put('jinfeng.admin', { ...rule, regionCode: '640106', value: 99 });
    expect(own.status).toBe(200);

    const query = 'indicator=satisfaction&region=640106&year=2047';
    const removed = await del('jinfeng.admin', query);
    expect(removed.status).toBe(200);
    // The one in force and the one it superseded.
    expect(removed.body).toEqual({ removed: 2, target: own.body.target.id });

    // Years no other spec sets (the integration specs share one database); this spec's indicator only.
    const listed = await call('jinfeng.admin', '/targets?region=640106&year=2047');
    expect(
      listed.body.filter((x: { indicator: string }) => x.indicator === 'satisfaction'),
    ).toEqual([
      expect.objectContaining({
        indicator: 'satisfaction',
        value: 95,
        setOn: '640100',
        inherited: true,
      }),
    ]);

    const log = await call('yinchuan.auditor', '/audit?limit=50');
    const entry = log.body.find(
      (e: { action: string; targetId: string }) =>
        e.action === 'target.delete' && e.targetId === own.body.target.id,
    );
    expect(entry).toEqual(
      expect.objectContaining({ actor: 'jinfeng.admin', regionCodes: ['640106'], after: null }),
    );
    expect(entry.before).toEqual(expect.objectContaining({ value: 99 }));

    // Nothing of its own left to delete.
    expect((await del('jinfeng.admin', query)).status).toBe(404);
  });

  it('refuses outside the scope, above it, and without target:write', async () => {
    const rule = { indicator: 'satisfaction', year: 2048, comparator: '>=', value: 90 };
    await put('lingwu.admin', { ...rule, regionCode: '640181' });
    const sibling = await del('jinfeng.admin', 'indicator=satisfaction&region=640181&year=2048');
    expect(sibling.status).toBe(404);
    await put('yinchuan.admin', { ...rule, regionCode: '640100' });
    const above = await del('jinfeng.admin', 'indicator=satisfaction&region=640100&year=2048');
    expect(above.status).toBe(403);
    expect(above.body.message).toMatch(/above your scope/);
    const auditor = await del('yinchuan.auditor', 'indicator=satisfaction&region=640100&year=2048');
    expect(auditor.status).toBe(403);
    const bad = await del('jinfeng.admin', 'indicator=satisfaction&region=640106');
    expect(bad.status).toBe(400);
    // Still there for the ones who may delete it.
    const city = await call('yinchuan.admin', '/targets?region=640100&year=2048');
    expect(city.body).toEqual([expect.objectContaining({ setOn: '640100', value: 90 })]);
  });
});
