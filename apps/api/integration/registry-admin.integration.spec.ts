import { Client } from 'pg';
import { ReferenceDataService, STATS_2023 } from '@efficacy/api/feature-registry';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// 汤阴县 410523 is a county of 安阳市 the demo has no figures or units for: what an
// administrator adds there is theirs, and no other spec writes to it.
const TANGYIN = '410523';
const TANGYIN_UNIT = `${TANGYIN}:registry-admin-spec`;

interface SearchHit {
  code: string;
  nameZh: string;
  level: string;
  path: Array<{ code: string; nameZh: string }>;
}

/** The 区划与单位 page's API: search in scope, units added and named under a scope, audited. */
describe('registry administration (search, units, aliases) against real PostgreSQL and Keycloak', () => {
  let t: TestApp;
  let db: Client;

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
  const post = (user: string, path: string, body: unknown) =>
    call(user, path, { method: 'POST', body: JSON.stringify(body) });
  const auditRows = async (targetId: string) =>
    (
      await db.query(
        `SELECT action, actor, region_codes, after FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [targetId],
      )
    ).rows;
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('finds regions in scope by name or code with their ancestors, and nothing outside it', async () => {
    const byName = await call('anyang.admin', `/regions/search?q=${encodeURIComponent('汤阴')}`);
    expect(byName.status).toBe(200);
    const tangyin = (byName.body as SearchHit[]).find((h) => h.code === TANGYIN);
    expect(tangyin).toEqual(expect.objectContaining({ nameZh: '汤阴县', level: 'county' }));
    expect(tangyin?.path.map((p) => p.nameZh)).toEqual(['河南省', '安阳市']);

    // By the start of a code: the county first, then its townships.
    const byCode = (await call('anyang.admin', `/regions/search?q=${TANGYIN}`)).body as SearchHit[];
    expect(byCode[0].code).toBe(TANGYIN);
    expect(byCode.slice(1).every((h) => h.code.startsWith(TANGYIN) && h.level === 'township')).toBe(
      true,
    );

    // 唐河县 lies in 南阳市: not the 安阳 administrator's, but the province's regional IT finds it.
    const outside = await call('anyang.admin', `/regions/search?q=${encodeURIComponent('唐河')}`);
    expect(outside.status).toBe(200);
    expect(outside.body).toEqual([]);
    expect((await call('anyang.admin', '/regions/search?q=411328')).body).toEqual([]);
    const province = (
      await call('regional.it', `/regions/search?q=${encodeURIComponent('唐河县')}`)
    ).body as SearchHit[];
    expect(province.map((h) => [h.code, h.path.map((p) => p.nameZh).join('/')])).toContainEqual([
      '411328',
      '河南省/南阳市',
    ]);

    const empty = await call('anyang.admin', '/regions/search?q=%20');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('q must not be empty');
  });

  it('refuses a county administrator a unit under another county (403) and names an unknown region (422), writing no audit row', async () => {
    const before = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'unit.add'`);
    // 殷都区's administrator, under 文峰区 410502 of the same city.
    const sibling = await post('yindu.admin', '/units', {
      regionCode: '410502',
      slug: 'registry-admin-spec',
      kind: 'department',
      nameZh: '文峰区测试局',
    });
    expect(sibling.status).toBe(403);
    expect(sibling.body.message).toMatch(/region 410502 \(文峰区\) is outside your scope/);

    // 410599 is no region of the 2023 edition: the answer says so before any word of scope.
    const unknown = await post('yindu.admin', '/units', {
      regionCode: '410599',
      slug: 'registry-admin-spec',
      kind: 'department',
      nameZh: '不存在的局',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/region 410599 is not in the registry/);

    expect(
      await count(`SELECT count(*) AS n FROM unit WHERE id LIKE '%:registry-admin-spec'`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'unit.add'`)).toBe(
      before,
    );
  });

  it('lets the city administrator add a unit and an alias under a county not in the demo, each audited', async () => {
    const added = await post('anyang.admin', '/units', {
      regionCode: TANGYIN,
      slug: 'registry-admin-spec',
      kind: 'development-zone',
      nameZh: '汤阴县产业集聚区',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual(
      expect.objectContaining({ id: TANGYIN_UNIT, kind: 'development-zone', aliases: [] }),
    );
    const alias = await post('anyang.admin', `/units/${encodeURIComponent(TANGYIN_UNIT)}/aliases`, {
      alias: '汤阴产业集聚区',
    });
    expect(alias.status).toBe(201);
    expect(alias.body.aliases).toEqual(['汤阴产业集聚区']);

    // The county's administrator does not exist in the demo, the city's sees it in the region.
    const region = await call('anyang.admin', `/regions/${TANGYIN}`);
    expect(region.body.units).toEqual([
      expect.objectContaining({ id: TANGYIN_UNIT, aliases: ['汤阴产业集聚区'] }),
    ]);
    expect((await call('yindu.admin', `/units/${encodeURIComponent(TANGYIN_UNIT)}`)).status).toBe(
      404,
    );

    const audit = await auditRows(TANGYIN_UNIT);
    expect(audit.map((r) => [r.action, r.actor, r.region_codes])).toEqual([
      ['unit.add', 'anyang.admin', [TANGYIN]],
      ['unit.alias.add', 'anyang.admin', [TANGYIN]],
    ]);
    expect(audit[0].after).toEqual(
      expect.objectContaining({ kind: 'development-zone', nameZh: '汤阴县产业集聚区' }),
    );
    expect(audit[1].after).toEqual({ aliases: ['汤阴产业集聚区'] });
  });

  it('loads the reference data into this non-empty database twice as an upsert: counts equal, the administrator’s unit kept', async () => {
    const counts = async () => ({
      regions: await count('SELECT count(*) AS n FROM region'),
      units: await count('SELECT count(*) AS n FROM unit'),
      aliases: await count('SELECT count(*) AS n FROM unit_alias'),
      successions: await count('SELECT count(*) AS n FROM region_succession'),
      targets: await count('SELECT count(*) AS n FROM target'),
    });
    const mine = `${TANGYIN}:registry-reload-spec`;
    expect(
      (
        await post('anyang.admin', '/units', {
          regionCode: TANGYIN,
          slug: 'registry-reload-spec',
          kind: 'company',
          nameZh: '汤阴县供暖公司',
          aliases: ['汤阴供暖'],
        })
      ).status,
    ).toBe(201);
    const service = t.app.get(ReferenceDataService);
    const before = await counts();
    expect(before.units).toBeGreaterThan(0);

    const first = await service.loadEdition(STATS_2023, true);
    const second = await service.loadEdition(STATS_2023, true);
    // The demo loaded once already: asking again changes nothing.
    expect(await service.loadDemo()).toBeNull();

    for (const load of [first, second]) {
      expect(load).toEqual(
        expect.objectContaining({ inserted: 0, updated: 0, retired: 0, moved: 0, renamed: 0 }),
      );
    }
    expect(await counts()).toEqual(before);
    const unit = await call('anyang.admin', `/units/${encodeURIComponent(mine)}`);
    expect(unit.status).toBe(200);
    expect(unit.body).toEqual(
      expect.objectContaining({ nameZh: '汤阴县供暖公司', kind: 'company', aliases: ['汤阴供暖'] }),
    );
  });
});
