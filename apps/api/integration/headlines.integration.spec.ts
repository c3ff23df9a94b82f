import { Client } from 'pg';
import { DEFAULT_HEADLINE_INDICATORS } from '@efficacy/api-contract';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('headline indicators of the overview, set per region and inherited', () => {
  let t: TestApp;
  let db: Client;

  const call = async (user: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor(user)}`,
      },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const put = (user: string, body: unknown) =>
    call(user, '/headlines', { method: 'PUT', body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    await db.query(`DELETE FROM headline_set WHERE region_code IN ('640100', '640106')`);
  });
  afterAll(async () => {
    await db.query(`DELETE FROM headline_set WHERE region_code IN ('640100', '640106')`);
    await db.end();
    await t.close();
  });

  it('answers the default list when no region chose its own', async () => {
    const { status, body } = await call('jinfeng.admin', '/headlines?region=640106');
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.objectContaining({
        regionCode: '640106',
        indicators: [...DEFAULT_HEADLINE_INDICATORS],
        setOn: null,
        inherited: true,
      }),
    );
  });

  it("lets the city choose, the county inherit the city's list, then choose its own", async () => {
    const city = await put('yinchuan.admin', {
      regionCode: '640100',
      indicators: ['satisfaction', 'item_coverage'],
    });
    expect(city.status).toBe(200);
    expect(city.body).toEqual(
      expect.objectContaining({ indicators: ['satisfaction', 'item_coverage'], setOn: '640100' }),
    );

    const inherited = await call('jinfeng.admin', '/headlines?region=640106');
    expect(inherited.body).toEqual(
      expect.objectContaining({
        indicators: ['satisfaction', 'item_coverage'],
        setOn: '640100',
        setOnNameZh: '银川市',
        inherited: true,
        setBy: 'yinchuan.admin',
      }),
    );

    const own = await put('jinfeng.admin', {
      regionCode: '640106',
      indicators: ['offline_evaluation_rate'],
    });
    expect(own.body).toEqual(
      expect.objectContaining({ indicators: ['offline_evaluation_rate'], inherited: false }),
    );

    // Back to inheriting: the city's list applies again.
    const back = await put('jinfeng.admin', { regionCode: '640106', indicators: null });
    expect(back.body.setOn).toBe('640100');
  });

  it('audits every change with the lists before and after', async () => {
    await put('yinchuan.admin', { regionCode: '640100', indicators: ['on_time_rate'] });
    const { rows } = await db.query(
      `SELECT actor, before, after FROM audit_log
        WHERE action = 'headlines.set' AND target_id = '640100' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].actor).toBe('yinchuan.admin');
    expect(rows[0].after).toEqual({ indicators: ['on_time_rate'] });
    expect(rows[0].before).toEqual({ indicators: ['satisfaction', 'item_coverage'] });
  });

  it('refuses a county admin on the city (403), another county (404) and bad lists (400)', async () => {
    const above = await put('jinfeng.admin', {
      regionCode: '640100',
      indicators: ['satisfaction'],
    });
    expect(above.status).toBe(403);
    expect(above.body.message).toMatch(/above your scope/);
    const sibling = await put('jinfeng.admin', {
      regionCode: '640181',
      indicators: ['satisfaction'],
    });
    expect(sibling.status).toBe(404);
    const unknown = await put('jinfeng.admin', { regionCode: '640106', indicators: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/unknown indicator "nope"/);
    const twice = await put('jinfeng.admin', {
      regionCode: '640106',
      indicators: ['satisfaction', 'satisfaction'],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body.message)).toMatch(/listed twice/);
    const reader = await put('jinfeng.spj.staff', {
      regionCode: '640106',
      indicators: ['satisfaction'],
    });
    expect(reader.status).toBe(403);
  });
});
