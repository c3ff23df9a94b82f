import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { fixture, uploadForm } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const ANNEX2 = 'jinfeng-2022-01to08-annex2-haochaping.xlsx';
const PERIOD = '2022-01..2022-08';
const RATE = 'offline_evaluation_rate';

interface Row {
  subject: { kind: string; id?: string; code?: string };
  value: { status: string; display: string; value?: number };
  target?: { status: string; setOn: string; inherited: boolean; gap?: number };
  rank?: number;
}

const idOf = (row: Row) => row.subject.id ?? row.subject.code;

/**
 * A committed (or rolled-back) import written straight into the tables, for figures no
 * fixture file carries. Its adapter id is this spec's own, so it never takes the report slot
 * of a real adapter's import that another spec relies on.
 */
async function insertImport(
  db: Client,
  regionCode: string,
  status: 'committed' | 'rolled_back',
  figures: Array<{ measure: string; value: number; unit?: string }>,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO import (id, file_name, file_sha256, file_size, adapter_id, adapter_version, report_kind,
                         period, region_code, status, counts, warnings, created_by, created_at)
     VALUES ($1, $2, $3, 0, 'registry-spec', '1.0.0', $4, $5, $6, $7, '{}', '[]', 'registry-spec', now())`,
    [
      id,
      `registry-spec-${regionCode}-${status}.xlsx`,
      createHash('sha256').update(id).digest('hex'),
      `spec-${status}`,
      PERIOD,
      regionCode,
      status,
    ],
  );
  for (const [i, figure] of figures.entries()) {
    await db.query(
      `INSERT INTO observation (import_id, region_code, subject_kind, subject_id, period, measure, status, value, role, provenance)
       VALUES ($1, $2, $3, $4, $5, $6, 'number', $7, $8, $9)`,
      [
        id,
        regionCode,
        figure.unit ? 'unit' : 'region',
        figure.unit ?? regionCode,
        PERIOD,
        figure.measure,
        figure.value,
        figure.unit ? 'row' : 'total',
        JSON.stringify({ sheet: '附件', row: 3 + i, column: 'C' }),
      ],
    );
  }
  return id;
}

describe('assessments, rankings, signals and explanations from committed imports', () => {
  let t: TestApp;
  let db: Client;
  let annexImport: string;
  let createdHere = false;
  const inserted: string[] = [];

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
  const rateOf = (assessment: { indicators: Array<{ code: string }> }) =>
    assessment.indicators.find((i) => i.code === RATE) as unknown as {
      region: Row;
      children: Row[];
      ranked: number;
    };
  const child = (rows: Row[], id: string) => rows.find((r) => idOf(r) === id) as Row;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    // Jinfeng annex 2 through the real import pipeline, as a county administrator uploads it.
    const upload = await call('jinfeng.admin', '/imports', {
      method: 'POST',
      body: uploadForm(fixture('ningxia', ANNEX2)),
    });
    if (upload.status !== 201 && upload.status !== 200) {
      throw new Error(`import of ${ANNEX2}: HTTP ${upload.status} ${upload.body?.message}`);
    }
    annexImport = upload.body.import.id;
    createdHere = upload.status === 201;
    // Lingwu's offline evaluations (990 of 1000), which no fixture file carries, and a
    // rolled-back Jinfeng import whose figures must never count.
    inserted.push(
      await insertImport(db, '640181', 'committed', [
        { measure: 'cases.offline', value: 1000 },
        { measure: 'cases.offline.evaluated', value: 990 },
      ]),
      // 烟草专卖局 reported no case at all: a zero-case unit.
      await insertImport(db, '640106', 'committed', [
        { measure: 'cases', value: 0, unit: '640106:yczmj' },
      ]),
      await insertImport(db, '640106', 'rolled_back', [
        { measure: 'cases.offline', value: 100 },
        { measure: 'cases.offline.evaluated', value: 1 },
      ]),
    );
  });

  afterAll(async () => {
    await db.query('DELETE FROM import WHERE id = ANY($1::uuid[])', [inserted]);
    // Leave the report slot as this spec found it for the import pipeline's own spec.
    if (createdHere) {
      await call('jinfeng.admin', `/imports/${annexImport}/rollback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'assessment spec done' }),
      });
    }
    await db.end();
    await t.close();
  });

  it('answers JSON with an entity tag, and 304 to a client that has the same answer', async () => {
    const path = `/assessments?region=640106&period=${PERIOD}`;
    const token = await tokenFor('jinfeng.admin');
    const first = await fetch(`${t.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await first.json()).regionNameZh).toBe('金凤区');
    // (fetch adds "Cache-Control: no-cache" to a conditional request unless told otherwise)
    const again = await fetch(`${t.baseUrl}${path}`, {
      headers: {
        authorization: `Bearer ${token}`,
        'if-none-match': etag,
        'cache-control': 'max-age=0',
      },
    });
    expect(again.status).toBe(304);
    // Another user's scope is another answer: a department head sees only their unit.
    const head = await fetch(`${t.baseUrl}${path}`, {
      headers: {
        authorization: `Bearer ${await tokenFor('jinfeng.spj.head')}`,
        'if-none-match': etag,
        'cache-control': 'max-age=0',
      },
    });
    expect(head.status).toBe(200);
  });

  it('assesses 金凤区 from the committed import: derived value, inherited target, rank, "/" unranked', async () => {
    const { status, body } = await call(
      'jinfeng.admin',
      `/assessments?region=640106&period=${PERIOD}`,
    );
    expect(status).toBe(200);
    expect(body.periodLabelZh).toBe('2022年1-8月');
    const rate = rateOf(body);
    // 12009 / 12136, summed over the rows; the rolled-back import's 1 / 100 is not there.
    expect(rate.region.value.display).toBe('98.95');
    expect(rate.region.target).toEqual(
      expect.objectContaining({ status: 'met', setOn: '640100', inherited: true }),
    );
    const spj = child(rate.children, '640106:spj');
    expect(spj.value.display).toBe('98.87');
    // Six children at 100, one at 99.75, then 审批局: competition rank 8.
    expect(spj.rank).toBe(8);
    expect(spj.target?.status).toBe('met');
    const disabled = child(rate.children, '640106:cl');
    expect(disabled.value.display).toBe('53.03');
    expect(disabled.rank).toBe(11);
    expect(disabled.target).toEqual(expect.objectContaining({ status: 'missed', gap: 45.47 }));
    const tax = child(rate.children, '640106:swj');
    expect(tax.value).toEqual(expect.objectContaining({ status: 'not_connected', display: '/' }));
    expect(tax.rank).toBeUndefined();
    expect(rate.ranked).toBe(11);
  });

  it('ranks one indicator: ties share a rank, "/" comes after every ranked row and is never 0', async () => {
    const { status, body } = await call(
      'jinfeng.admin',
      `/rankings?region=640106&period=${PERIOD}&indicator=${RATE}`,
    );
    expect(status).toBe(200);
    expect(body.indicator.nameZh).toBe('线下参评率');
    const ranks = body.rows.map((r: Row) => r.rank ?? null);
    expect(ranks.slice(0, 11)).toEqual([1, 1, 1, 1, 1, 1, 7, 8, 9, 10, 11]);
    expect(ranks.slice(11).every((r: number | null) => r === null)).toBe(true);
    expect(body.rows.map(idOf).slice(-9)).toContain('640106:swj');
    // Each rank says what it is among, never "8 / 11" as if the 11 were everyone.
    expect(body.expected).toBeGreaterThan(body.ranked);
    const labelled = (id: string) =>
      child(body.rows, id) as Row & { rankLabelZh?: string; unranked?: string };
    expect(labelled('640106:spj').rankLabelZh).toBe(`11 个已报送中第 8（应报 ${body.expected}）`);
    expect(labelled('640106:swj').unranked).toBe('not_connected');
  });

  it("computes the city from summed counts, not from the counties' rates", async () => {
    const { status, body } = await call(
      'yinchuan.admin',
      `/assessments?region=640100&period=${PERIOD}`,
    );
    expect(status).toBe(200);
    const rate = rateOf(body);
    // (12009 + 990) / (12136 + 1000) = 98.957…; the mean of 98.95 and 99.00 would be 98.98.
    expect(rate.region.value.display).toBe('98.96');
    expect(child(rate.children, '640181')).toEqual(
      expect.objectContaining({ rank: 1, value: expect.objectContaining({ display: '99.00' }) }),
    );
    expect(child(rate.children, '640106').rank).toBe(2);
    // Coverage comes with the figure: the counties the registry lists, and which of them sent it.
    const coverage = (rate.region as unknown as { coverage: Record<string, unknown> }).coverage;
    expect(coverage).toEqual(
      expect.objectContaining({ memberLevel: 'county', reported: 2, withFigures: 2 }),
    );
    expect(coverage['partial']).toBe(coverage['expected'] !== 2);
  });

  it('keeps other scopes out: a county cannot assess its city or sibling, a department sees its own rows', async () => {
    expect(
      (await call('jinfeng.admin', `/assessments?region=640181&period=${PERIOD}`)).status,
    ).toBe(404);
    const city = await call('jinfeng.admin', `/assessments?region=640100&period=${PERIOD}`);
    expect(city.status).toBe(404);
    expect(city.body.message).toBe('region "640100" not found');
    expect(
      (await call('lingwu.admin', `/rankings?region=640106&period=${PERIOD}&indicator=${RATE}`))
        .status,
    ).toBe(404);

    const head = await call('jinfeng.spj.head', `/assessments?region=640106&period=${PERIOD}`);
    expect(head.status).toBe(200);
    const rate = rateOf(head.body);
    // Only 审批局's own rows: the county's 合计 row would reveal the other departments.
    expect(rate.region.value.display).toBe('98.87');
    expect(rate.children.filter((r) => r.value.status === 'number').map(idOf)).toEqual([
      '640106:spj',
    ]);
  });

  it("explains a unit's number down to the import, file, sheet, row and column", async () => {
    const { status, body } = await call(
      'jinfeng.admin',
      `/explanations?unit=640106:spj&period=${PERIOD}&indicator=${RATE}`,
    );
    expect(status).toBe(200);
    expect(body.indicator).toEqual(expect.objectContaining({ code: RATE, version: 1 }));
    expect(body.value.display).toBe('98.87');
    const evaluated = body.inputs.find(
      (i: { measure: string }) => i.measure === 'cases.offline.evaluated',
    );
    expect(evaluated.total).toBe(5769);
    const [cell] = evaluated.contributions[0].cells;
    expect(cell).toEqual(
      expect.objectContaining({
        importId: annexImport,
        file: ANNEX2,
        sheet: expect.any(String),
        row: expect.any(Number),
        column: expect.stringMatching(/^[A-Z]+$/),
      }),
    );
    expect(Array.isArray(body.warnings)).toBe(true);

    expect(
      (
        await call(
          'jinfeng.admin',
          `/explanations?region=640181&period=${PERIOD}&indicator=${RATE}`,
        )
      ).status,
    ).toBe(404);
    const both = await call(
      'jinfeng.admin',
      `/explanations?region=640106&unit=640106:spj&period=${PERIOD}&indicator=${RATE}`,
    );
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('name exactly one of region or unit');
  });

  it('lists signals and discrepancies of the region, each on its cell', async () => {
    const { status, body } = await call('jinfeng.admin', `/signals?region=640106&period=${PERIOD}`);
    expect(status).toBe(200);
    expect(body.signals).toContainEqual(
      expect.objectContaining({
        kind: 'zero-case-unit',
        subject: { kind: 'unit', id: '640106:yczmj' },
      }),
    );
    // 丰登镇 prints 96.31 for 366 / 380 = 96.315…: the printed rate does not round from its counts.
    const fengdeng = body.discrepancies.find(
      (w: { code: string; subject: { id?: string } }) =>
        w.code === 'reported-rate-matches-counts' && w.subject.id === '640106:fengdeng-mszx',
    );
    expect(fengdeng).toBeDefined();
    expect(fengdeng.cell).toEqual(expect.objectContaining({ importId: annexImport, file: ANNEX2 }));
    const subjects = [...body.signals, ...body.discrepancies].map(
      (s: { subject: { id?: string; code?: string } }) => s.subject.id ?? s.subject.code ?? '',
    );
    expect(subjects.every((s: string) => s.startsWith('640106'))).toBe(true);
  });

  it("answers a bad period with the model's sentence, and other bad input with what is wrong", async () => {
    const month = await call('jinfeng.admin', '/assessments?region=640106&period=2022-13');
    expect(month.status).toBe(400);
    expect(month.body.message).toBe(
      'period: Invalid period "2022-13": month must be 01-12, got 13',
    );
    const range = await call(
      'jinfeng.admin',
      '/rankings?region=640106&period=2022-08..2022-01&indicator=satisfaction',
    );
    expect(range.status).toBe(400);
    expect(range.body.message).toMatch(/ends \(2022-01\) before it starts \(2022-08\)/);
    const indicator = await call(
      'jinfeng.admin',
      `/rankings?region=640106&period=${PERIOD}&indicator=nope`,
    );
    expect(indicator.status).toBe(400);
    expect(indicator.body.message).toMatch(/unknown indicator "nope"/);
    const noRegion = await call('jinfeng.admin', `/signals?period=${PERIOD}`);
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.message).toMatch(/region/);
    expect((await call('regional.it', `/assessments?region=640106&period=${PERIOD}`)).status).toBe(
      403,
    );
  });
});
