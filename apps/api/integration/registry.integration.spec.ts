import { Client } from 'pg';
import { DEMO_REGISTRY, DEMO_TARGETS } from '@efficacy/indicator-model';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// A Lingwu department for this spec only: the demo registry has none, and the scope rules
// must be shown on a unit of the sibling county.
const LINGWU_UNIT = '640181:registry-spec';

interface RegionNode {
  code: string;
  nameZh: string;
  children: RegionNode[];
}

function codesOf(nodes: RegionNode[]): string[] {
  return nodes.flatMap((n) => [n.code, ...codesOf(n.children)]);
}

describe('regions, units, aliases and targets against real PostgreSQL and Keycloak', () => {
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
  const put = (user: string, path: string, body: unknown) =>
    call(user, path, { method: 'PUT', body: JSON.stringify(body) });
  const post = (user: string, path: string, body: unknown) =>
    call(user, path, { method: 'POST', body: JSON.stringify(body) });
  const del = (user: string, path: string) => call(user, path, { method: 'DELETE' });

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    await db.query(
      `INSERT INTO unit (id, kind, name_zh, region_code) VALUES ($1, 'department', '灵武市测试局', '640181')
       ON CONFLICT (id) DO NOTHING`,
      [LINGWU_UNIT],
    );
  });
  afterAll(async () => {
    await db.query('DELETE FROM unit WHERE id = $1', [LINGWU_UNIT]);
    await db.end();
    await t.close();
  });

  describe('reference data', () => {
    it('loaded the demo regions, units, aliases and targets once, audited as the system', async () => {
      const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
      // The demo's regions over the real registry (every township of the 2023 edition).
      const demoCodes = DEMO_REGISTRY.regions.map((r) => `'${r.code}'`).join(',');
      expect(await count(`SELECT count(*) AS n FROM region WHERE code IN (${demoCodes})`)).toBe(
        DEMO_REGISTRY.regions.length,
      );
      expect(await count('SELECT count(*) AS n FROM region')).toBeGreaterThan(44_000);
      expect(await count(`SELECT count(*) AS n FROM unit WHERE id <> '${LINGWU_UNIT}'`)).toBe(
        DEMO_REGISTRY.units.length,
      );
      expect(
        await count(`SELECT count(*) AS n FROM unit_alias WHERE created_by = 'system'`),
      ).toBeGreaterThan(50);
      expect(await count(`SELECT count(*) AS n FROM target WHERE set_at < '2023-01-01'`)).toBe(
        DEMO_TARGETS.length,
      );
      const { rows } = await db.query(
        `SELECT actor, actor_roles, after FROM audit_log WHERE action = 'reference-data.load'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].actor).toBe('system');
      expect(rows[0].actor_roles).toEqual([]);
      expect(rows[0].after.regions).toBe(DEMO_REGISTRY.regions.length);
    });

    it('does not load again when the API starts on a registry that has regions', async () => {
      const second = await startTestApp();
      await second.close();
      const { rows } = await db.query(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'reference-data.load'`,
      );
      expect(Number(rows[0].n)).toBe(1);
    });
  });

  describe('regions within scope', () => {
    it('shows a city administrator the city with both counties', async () => {
      const { status, body } = await call('yinchuan.admin', '/regions');
      expect(status).toBe(200);
      expect(body.map((n: RegionNode) => n.code)).toEqual(['640100']);
      expect(body[0].nameZh).toBe('银川市');
      // Every county of 银川市 in the registry, the two of the seeds among them.
      expect(body[0].children.map((n: RegionNode) => n.code)).toEqual([
        '640104',
        '640105',
        '640106',
        '640121',
        '640122',
        '640181',
      ]);
    });

    it('shows a county administrator only 金凤区 and below', async () => {
      const { status, body } = await call('jinfeng.admin', '/regions');
      expect(status).toBe(200);
      expect(body.map((n: RegionNode) => n.code)).toEqual(['640106']);
      const codes = codesOf(body);
      expect(codes).toContain('640106100000');
      expect(codes.every((c) => c.startsWith('640106'))).toBe(true);
    });

    it('sends regional IT three levels (provinces, cities, counties) unless depth asks for more', async () => {
      const { status, body } = await call('regional.it', '/regions');
      expect(status).toBe(200);
      expect(body.map((n: RegionNode) => n.code)).toEqual(['410000', '510000', '620000', '640000']);
      const codes = codesOf(body);
      expect(codes).toContain('640106');
      // A county's townships wait for depth=4 (济源市 and 嘉峪关市, a level higher, bring theirs).
      expect(codes).not.toContain('640106100000');
      expect(codes).toContain('620201100000');
      const deeper = await call('regional.it', '/regions?depth=4');
      expect(codesOf(deeper.body)).toContain('640106100000');
      expect(codesOf(deeper.body).length).toBeGreaterThan(codes.length * 5);
      const bad = await call('regional.it', '/regions?depth=9');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('depth must be a whole number from 1 to 5');
    });

    it('answers 404 for 灵武市 to the Jinfeng administrator, exactly as for a region that does not exist', async () => {
      const other = await call('jinfeng.admin', '/regions/640181');
      const missing = await call('jinfeng.admin', '/regions/649999');
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(other.body.message).toBe(missing.body.message.replace('649999', '640181'));
    });

    it('gives a region with its ancestors, child regions and units', async () => {
      const { status, body } = await call('jinfeng.admin', '/regions/640106');
      expect(status).toBe(200);
      expect(body.nameZh).toBe('金凤区');
      expect(
        body.ancestors.map((a: { code: string; inScope: boolean }) => [a.code, a.inScope]),
      ).toEqual([
        ['640100', false],
        ['640000', false],
      ]);
      // Its eight townships, each once under its 12-digit code: the demo's figures use them too.
      const children = body.children.map((c: { code: string }) => c.code);
      expect(children).toHaveLength(8);
      expect(children.every((c: string) => /^640106\d{6}$/.test(c))).toBe(true);
      expect(children).toContain('640106100000');
      expect(body.units.map((u: { id: string }) => u.id)).toContain('640106:spj');
      expect((await call('yinchuan.admin', '/regions/640181')).status).toBe(200);
    });
  });

  describe('units within scope', () => {
    it('lists only units of 金凤区 for its administrator, and refuses a region filter outside it', async () => {
      const mine = await call('jinfeng.admin', '/units');
      expect(mine.status).toBe(200);
      expect(mine.body.length).toBeGreaterThan(10);
      expect(
        mine.body.every((u: { regionCode: string }) => u.regionCode.startsWith('640106')),
      ).toBe(true);
      expect((await call('jinfeng.admin', '/units?region=640181')).status).toBe(404);
      const townships = await call('jinfeng.admin', '/units?region=640106100000');
      expect(townships.body.map((u: { id: string }) => u.id)).toEqual(['640106:liangtian-mszx']);
    });

    it('answers 404 for a Lingwu unit to the Jinfeng administrator and shows it to the city', async () => {
      const hidden = await call('jinfeng.admin', `/units/${encodeURIComponent(LINGWU_UNIT)}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.message).toBe(`unit "${LINGWU_UNIT}" not found`);
      const seen = await call('yinchuan.admin', `/units/${encodeURIComponent(LINGWU_UNIT)}`);
      expect(seen.status).toBe(200);
      expect(seen.body.region.nameZh).toBe('灵武市');
      const city = await call('yinchuan.admin', '/units?region=640100');
      const ids = city.body.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining(['640106:spj', LINGWU_UNIT]));
    });

    it('limits a department role to its own unit', async () => {
      const { body } = await call('jinfeng.spj.head', '/units');
      expect(body.map((u: { id: string }) => u.id)).toEqual(['640106:spj']);
      expect((await call('jinfeng.spj.head', '/units/640106:swj')).status).toBe(404);
    });
  });

  describe('aliases', () => {
    const SPJ = '/units/640106:spj';

    it('adds and removes an alias, each audited with before and after', async () => {
      const alias = '金凤区行政审批局';
      const added = await post('jinfeng.admin', `${SPJ}/aliases`, { alias: `  ${alias} ` });
      expect(added.status).toBe(201);
      expect(added.body.aliases).toContain(alias);
      expect(
        added.body.aliasDetails.find((a: { alias: string }) => a.alias === alias).createdBy,
      ).toBe('jinfeng.admin');

      const removed = await del('jinfeng.admin', `${SPJ}/aliases/${encodeURIComponent(alias)}`);
      expect(removed.status).toBe(200);
      expect(removed.body.aliases).not.toContain(alias);

      const log = await call('yinchuan.auditor', '/audit?limit=20');
      const entries = log.body.filter(
        (e: { targetId: string; action: string }) =>
          e.targetId === '640106:spj' && e.action.startsWith('unit.alias.'),
      );
      expect(entries.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
        'unit.alias.remove',
        'unit.alias.add',
      ]);
      const [removal, addition] = entries;
      expect(addition.actor).toBe('jinfeng.admin');
      expect(addition.before.aliases).not.toContain(alias);
      expect(addition.after.aliases).toContain(alias);
      expect(removal.before.aliases).toContain(alias);
      expect(removal.after.aliases).not.toContain(alias);
    });

    it('refuses a spelling that already names another unit of the county', async () => {
      const { status, body } = await post('jinfeng.admin', `${SPJ}/aliases`, { alias: '税务局' });
      expect(status).toBe(409);
      expect(body.message).toMatch(/640106:swj/);
    });

    it('refuses a unit outside the scope with 404, an empty alias with 400, a role without the permission with 403', async () => {
      const outside = await post('lingwu.admin', `${SPJ}/aliases`, { alias: '审批' });
      expect(outside.status).toBe(404);
      expect(outside.body.message).toBe('unit "640106:spj" not found');
      const empty = await post('jinfeng.admin', `${SPJ}/aliases`, { alias: '   ' });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/alias must not be empty/);
      const staff = await post('jinfeng.spj.staff', `${SPJ}/aliases`, { alias: '审批' });
      expect(staff.status).toBe(403);
      expect(staff.body.message).toMatch(/unit:alias-write/);
      expect((await del('jinfeng.admin', `${SPJ}/aliases/not-an-alias`)).status).toBe(404);
    });
  });

  describe('targets', () => {
    it('shows the county the city targets it inherits, with where they are set', async () => {
      const { status, body } = await call('jinfeng.admin', '/targets?region=640106&year=2022');
      expect(status).toBe(200);
      const coverage = body.find((v: { indicator: string }) => v.indicator === 'item_coverage');
      expect(coverage).toEqual(
        expect.objectContaining({
          regionCode: '640106',
          setOn: '640100',
          setOnNameZh: '银川市',
          inherited: true,
          comparator: '>=',
          value: 40,
          textZh: '≥ 40',
        }),
      );
      const own = body.find(
        (v: { indicator: string }) => v.indicator === 'bad_review_rectification_rate',
      );
      expect(own).toEqual(expect.objectContaining({ setOn: '640106', inherited: false }));
    });

    it("lists, without a region, the top region's targets and those set below it, never a sibling's", async () => {
      const county = await call('jinfeng.admin', '/targets?year=2022');
      expect(county.status).toBe(200);
      const regions = new Set(county.body.map((v: { regionCode: string }) => v.regionCode));
      expect([...regions]).toEqual(['640106']);
      expect(
        county.body.find((v: { indicator: string }) => v.indicator === 'on_time_rate'),
      ).toEqual(expect.objectContaining({ setOn: '640100', inherited: true, value: 99 }));

      const city = await call('yinchuan.admin', '/targets?year=2022');
      const own = city.body.filter((v: { inherited: boolean }) => !v.inherited);
      expect(new Set(own.map((v: { regionCode: string }) => v.regionCode))).toEqual(
        new Set(['640100', '640106']),
      );
      expect(city.body.some((v: { setOn: string }) => v.setOn === '620200')).toBe(false);
    });

    it('refuses a county administrator a city target (403) and a sibling county (404)', async () => {
      const rule = { indicator: 'satisfaction', year: 2023, comparator: '>=', value: 99 };
      const city = await put('jinfeng.admin', '/targets', { ...rule, regionCode: '640100' });
      expect(city.status).toBe(403);
      expect(city.body.message).toMatch(/640100 \(银川市\) is above your scope/);
      const sibling = await put('jinfeng.admin', '/targets', { ...rule, regionCode: '640181' });
      expect(sibling.status).toBe(404);
      expect(sibling.body.message).toBe('region "640181" not found');
      const auditor = await put('yinchuan.auditor', '/targets', { ...rule, regionCode: '640106' });
      expect(auditor.status).toBe(403);
      expect(auditor.body.message).toMatch(/target:write/);
    });

    it('sets a target: a new row supersedes, the audit shows before → after, the same target again writes nothing', async () => {
      const rule = {
        indicator: 'satisfaction',
        regionCode: '640106',
        year: 2023,
        comparator: '>=',
      };
      const first = await put('jinfeng.admin', '/targets', { ...rule, value: 98 });
      expect(first.status).toBe(200);
      expect(first.body.changed).toBe(true);
      const second = await put('jinfeng.admin', '/targets', { ...rule, value: 99.5 });
      expect(second.body).toEqual(
        expect.objectContaining({ changed: true, supersedes: first.body.target.id }),
      );
      expect(second.body.target).toEqual(
        expect.objectContaining({ value: 99.5, setBy: 'jinfeng.admin', inherited: false }),
      );
      const again = await put('jinfeng.admin', '/targets', { ...rule, value: 99.5 });
      expect(again.body.changed).toBe(false);

      const log = await call('yinchuan.auditor', '/audit?limit=50');
      expect(log.status).toBe(200);
      const entries = log.body.filter(
        (e: { action: string; targetId: string }) =>
          e.action === 'target.set' && e.targetId === second.body.target.id,
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toEqual(
        expect.objectContaining({ actor: 'jinfeng.admin', regionCodes: ['640106'] }),
      );
      expect(entries[0].before).toEqual(expect.objectContaining({ value: 98 }));
      expect(entries[0].after).toEqual(expect.objectContaining({ value: 99.5 }));
      expect(
        log.body.filter(
          (e: { action: string; targetId: string }) =>
            e.action === 'target.set' && e.targetId === first.body.target.id,
        ),
      ).toHaveLength(1);

      const listed = await call(
        'jinfeng.admin',
        '/targets?region=640106&year=2023&indicator=satisfaction',
      );
      expect(listed.body).toEqual([expect.objectContaining({ value: 99.5, setOn: '640106' })]);
    });

    it('explains what is wrong with a target', async () => {
      const base = { regionCode: '640106', year: 2023, comparator: '>=' };
      const unknown = await put('jinfeng.admin', '/targets', {
        ...base,
        indicator: 'nope',
        value: 1,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/unknown indicator "nope"/);
      const noValue = await put('jinfeng.admin', '/targets', {
        ...base,
        indicator: 'satisfaction',
      });
      expect(noValue.status).toBe(400);
      expect(noValue.body.message).toMatch(/needs a finite value/);
      const badComparator = await put('jinfeng.admin', '/targets', {
        ...base,
        indicator: 'satisfaction',
        comparator: '>',
        value: 1,
      });
      expect(badComparator.status).toBe(400);
      expect(badComparator.body.message).toMatch(/comparator must be one of/);
    });
  });

  describe('indicator catalogue', () => {
    it('lists the catalogue and describes one indicator with its formula and policy source', async () => {
      const list = await call('jinfeng.spj.staff', '/indicators');
      expect(list.status).toBe(200);
      const coverage = list.body.find((i: { code: string }) => i.code === 'item_coverage');
      expect(coverage).toEqual(
        expect.objectContaining({ nameZh: '事项覆盖率', unit: 'percent', derivable: true }),
      );
      expect(coverage.formulaZh).toMatch(/÷/);
      const one = await call('jinfeng.spj.staff', '/indicators/active_evaluation_rate');
      expect(one.status).toBe(200);
      expect(one.body.versions[0]).toEqual(
        expect.objectContaining({ formulaKind: 'reported', derivable: false }),
      );
      expect(one.body.versions[0].policy.length).toBeGreaterThan(0);
      expect((await call('jinfeng.spj.staff', '/indicators/nope')).status).toBe(404);
      const badDate = await call('jinfeng.spj.staff', '/indicators?asOf=2022-02-30');
      expect(badDate.status).toBe(400);
      expect(badDate.body.message).toMatch(/asOf must be a calendar date/);
    });

    it('documents the endpoints in OpenAPI', async () => {
      const doc = await (await fetch(`${t.baseUrl}/docs-json`)).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/indicators',
          '/api/indicators/{code}',
          '/api/regions',
          '/api/regions/{code}',
          '/api/units',
          '/api/units/{id}',
          '/api/units/{id}/aliases',
          '/api/units/{id}/aliases/{alias}',
          '/api/targets',
          '/api/assessments',
          '/api/rankings',
          '/api/signals',
          '/api/explanations',
        ]),
      );
    });
  });
});
