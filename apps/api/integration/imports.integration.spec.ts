import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { fixture, uploadForm } from './support/fixtures';

const ANNEX2 = 'jinfeng-2022-01to08-annex2-haochaping.xlsx';
const ANNEX2_CSV = 'jinfeng-2022-01to08-annex2-haochaping.gb18030.csv';

describe('import pipeline against real PostgreSQL and Keycloak', () => {
  let t: TestApp;
  let db: Client;

  const call = async (user: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${await tokenFor(user)}`,
      },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const post = (user: string, path: string, form: FormData) =>
    call(user, path, { method: 'POST', body: form });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    // Other specs of the run may have imported the Jinfeng annex already: start from none.
    const live = await db.query(
      `SELECT id FROM import WHERE status = 'committed' AND region_code = '640106' AND report_kind = 'good-bad-review'`,
    );
    for (const row of live.rows) {
      const res = await call('jinfeng.admin', `/imports/${row.id}/rollback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'imports spec starts from no live Jinfeng annex 2' }),
      });
      if (res.status !== 200)
        throw new Error(`could not reset the Jinfeng annex 2 import: ${res.status}`);
    }
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('previews the Jinfeng 好差评 annex without writing anything: adapter, names, printed and derived rates', async () => {
    const before = await count('SELECT count(*) AS n FROM import');
    const { status, body } = await post(
      'jinfeng.admin',
      '/imports/preview',
      uploadForm(fixture('ningxia', ANNEX2)),
    );
    expect(status).toBe(200);
    expect(body.adapter.adapter).toBe('ningxia');
    expect(body.period).toBe('2022-01..2022-08');
    expect(body.region.code).toBe('640106');
    expect(body.unresolved).toEqual([]);
    const spj = body.names.find((n: { unitId?: string }) => n.unitId === '640106:spj');
    expect(spj).toBeDefined();
    const offline = body.values.find(
      (v: { subject: string; indicator: string }) =>
        v.subject === 'region:640106' && /offline/.test(v.indicator),
    );
    expect(offline.reported).toBe(98.95);
    expect(offline.derived).toBeCloseTo(98.95, 2);
    expect(await count('SELECT count(*) AS n FROM import')).toBe(before);
  });

  it('commits in one transaction, audited, and the same file again changes nothing', async () => {
    const first = await post('jinfeng.admin', '/imports', uploadForm(fixture('ningxia', ANNEX2)));
    expect(first.status).toBe(201);
    expect(first.body.outcome).toBe('created');
    const id = first.body.import.id;
    const rows = await count('SELECT count(*) AS n FROM observation WHERE import_id = $1', [id]);
    expect(rows).toBeGreaterThan(50);
    const evaluated = await db.query(
      `SELECT value FROM observation WHERE import_id = $1 AND subject_kind = 'region' AND subject_id = '640106'
         AND role = 'total' AND measure LIKE '%evaluat%' AND status = 'number'`,
      [id],
    );
    expect(evaluated.rows.map((r) => Number(r.value))).toContain(12009);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'import.commit' AND target_id = $1`,
        [id],
      ),
    ).toBe(1);

    const again = await post('jinfeng.admin', '/imports', uploadForm(fixture('ningxia', ANNEX2)));
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.import.id).toBe(id);
    expect(await count('SELECT count(*) AS n FROM observation WHERE import_id = $1', [id])).toBe(
      rows,
    );
  });

  it('replaces the report with a corrected file for the same period, keeps history, and rolls back to the original', async () => {
    const original = (await call('jinfeng.admin', '/imports?status=committed')).body.find(
      (i: { fileName: string }) => i.fileName === ANNEX2,
    );
    const corrected = await post(
      'jinfeng.admin',
      '/imports',
      uploadForm(fixture('ningxia', ANNEX2_CSV)),
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body.outcome).toBe('replaced');
    expect(corrected.body.import.supersedes).toBe(original.id);
    const history = (await call('jinfeng.admin', '/imports')).body.map(
      (i: { id: string; status: string }) => [i.id, i.status],
    );
    expect(history).toEqual(
      expect.arrayContaining([
        [original.id, 'superseded'],
        [corrected.body.import.id, 'committed'],
      ]),
    );

    const rollback = await call('jinfeng.admin', `/imports/${corrected.body.import.id}/rollback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'wrong month' }),
    });
    expect(rollback.status).toBe(200);
    expect(rollback.body.restored).toBe(original.id);
    const after = (await call('jinfeng.admin', `/imports/${original.id}`)).body;
    expect(after.status).toBe('committed');
  });

  it('refuses a file of another county with a sentence naming the region, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM import');
    const { status, body } = await post(
      'lingwu.admin',
      '/imports',
      uploadForm(fixture('ningxia', ANNEX2)),
    );
    expect(status).toBe(403);
    expect(body.message).toMatch(/640106.*outside your scope/);
    expect(await count('SELECT count(*) AS n FROM import')).toBe(before);
  });

  it('rejects a broken file with what and where, and leaves the database as it was', async () => {
    const before = await count('SELECT count(*) AS n FROM observation');
    const bad = {
      name: 'jinfeng-annex2-letter-o-in-number.xlsx',
      bytes: fixture('ningxia', ANNEX2).bytes,
    };
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    bad.bytes = readFileSync(
      join(__dirname, '..', '..', '..', 'tools', 'fixtures', 'not-ok-templates', bad.name),
    );
    const { status, body } = await post(
      'jinfeng.admin',
      '/imports',
      uploadForm(bad, { adapter: 'ningxia' }),
    );
    expect(status).toBe(422);
    expect(body.message).toMatch(/jinfeng-annex2-letter-o-in-number\.xlsx/);
    expect(body.message).toMatch(/row \d+/);
    expect(body.message).toMatch(/column [A-Z]/);
    expect(body.message).toMatch(/12O09/);
    expect(await count('SELECT count(*) AS n FROM observation')).toBe(before);
  });

  it('lets regional IT preview but not commit, and keeps department staff out of imports entirely', async () => {
    const form = () => uploadForm(fixture('ningxia', ANNEX2));
    expect((await post('regional.it', '/imports/preview', form())).status).toBe(200);
    const commit = await post('regional.it', '/imports', form());
    expect(commit.status).toBe(403);
    expect(commit.body.message).toMatch(/import:commit/);
    expect((await post('jinfeng.spj.staff', '/imports/preview', form())).status).toBe(403);
  });

  it('hides imports of other regions: a list never shows them and their id answers 404', async () => {
    const mine = (await call('jinfeng.admin', '/imports')).body;
    expect(mine.length).toBeGreaterThan(0);
    const theirs = await call('lingwu.admin', '/imports');
    expect(theirs.status).toBe(200);
    expect(theirs.body.filter((i: { regionCode: string }) => i.regionCode !== '640181')).toEqual(
      [],
    );
    expect((await call('lingwu.admin', `/imports/${mine[0].id}`)).status).toBe(404);
    expect((await call('yinchuan.admin', `/imports/${mine[0].id}`)).status).toBe(200);
  });

  it('lists the installed adapters with their manifests and recent imports', async () => {
    const { status, body } = await call('regional.it', '/adapters');
    expect(status).toBe(200);
    expect(body.map((a: { manifest: { id: string } }) => a.manifest.id)).toEqual(
      expect.arrayContaining(['ningxia', 'henan', 'sichuan', 'gansu']),
    );
    const ningxia = body.find((a: { manifest: { id: string } }) => a.manifest.id === 'ningxia');
    expect(ningxia.recentImports.length).toBeGreaterThan(0);
  });
});
