import { Client } from 'pg';
import {
  caseCsvHeader,
  caseCsvLine,
  caseIndicators,
  countCase,
  emptyCounts,
} from '@efficacy/case-metrics';
import type { CaseRecord } from '@efficacy/indicator-model';
import { caseCsv } from './support/cases';
import { fixture, uploadForm } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const LINGWU = '640181';
const JINFENG = '640106';

describe('case records (办件): background import through COPY, incremental recompute', () => {
  let t: TestApp;
  let db: Client;
  let annexImport: string | undefined;

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
  const upload = (user: string, region: string, name: string, bytes: Buffer) =>
    call(user, '/cases/imports', { method: 'POST', body: uploadForm({ name, bytes }, { region }) });
  /** Polls the progress endpoint the console uses until the job has finished. */
  const finished = async (user: string, id: string) => {
    for (;;) {
      const { status, body } = await call(user, `/cases/imports/${id}`);
      if (status !== 200) throw new Error(`progress of ${id}: HTTP ${status}`);
      if (body.status === 'done' || body.status === 'failed') return body;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const expectedFor = (records: CaseRecord[], asOf: string) => {
    const counts = emptyCounts();
    for (const r of records) countCase(counts, r, asOf);
    return counts;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    // 金凤区's 2022 cases stand beside the seed annexes in the same slots: take them out again
    // so the specs that reproduce the printed 2022 figures (bulletins, console) see only those.
    await db.query(
      `DELETE FROM import WHERE adapter_id = 'cases' AND region_code = '640106' AND period LIKE '2022-%'`,
    );
    await db.query(
      `DELETE FROM case_record WHERE region_code = '640106' AND month >= '2022-01-01' AND month < '2023-01-01'`,
    );
    await db.query(
      `DELETE FROM case_item_month WHERE region_code = '640106' AND month >= '2022-01-01' AND month < '2023-01-01'`,
    );
    await db.query(
      `DELETE FROM case_slot WHERE region_code = '640106' AND month >= '2022-01-01' AND month < '2023-01-01'`,
    );
    if (annexImport) {
      await call('jinfeng.admin', `/imports/${annexImport}/rollback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'cases spec done' }),
      });
    }
    await db.end();
    await t.close();
  });

  it('imports a county’s export in the background, shows progress, and computes the indicators from the cases', async () => {
    const file = caseCsv(LINGWU, { start: '2024-01', months: 2, perMonth: 400, seed: 11 });
    const queued = await upload('lingwu.admin', LINGWU, 'lingwu-2024-01to02.csv', file.bytes);
    expect(queued.status).toBe(202);
    expect(queued.body.outcome).toBe('queued');
    expect(queued.body.import.fileSize).toBe(file.bytes.length);

    const done = await finished('lingwu.admin', queued.body.import.id);
    expect(done).toEqual(
      expect.objectContaining({ status: 'done', rowsDone: 800, percent: 100, error: null }),
    );
    expect(done.slots).toEqual([
      { regionCode: LINGWU, month: '2024-01', rows: 400 },
      { regionCode: LINGWU, month: '2024-02', rows: 400 },
    ]);
    const list = await call('lingwu.admin', '/cases/imports');
    expect(list.body.map((i: { id: string }) => i.id)).toContain(queued.body.import.id);

    const { status, body } = await call(
      'lingwu.admin',
      `/cases/indicators?region=${LINGWU}&period=2024-01..2024-02`,
    );
    expect(status).toBe(200);
    const counts = expectedFor(file.records, done.asOf);
    expect(body.months).toEqual(['2024-01', '2024-02']);
    expect(body.counts['cases']).toBe(800);
    expect(body.counts['cases.online']).toBe(counts.online);
    expect(body.counts['cases.finished_late']).toBe(counts.finishedLate);
    expect(body.counts['evaluations.good']).toBe(counts.good);
    expect(body.indicators).toEqual(
      caseIndicators(counts, { withCases: body.indicators[0].numerator, catalogue: null }),
    );
    // The partition of each month exists; the cases are in them.
    const parts = await db.query(
      `SELECT count(*)::int AS n FROM case_record_y2024m01 WHERE region_code = $1`,
      [LINGWU],
    );
    expect(parts.rows[0].n).toBe(400);
  });

  it('does nothing for the same file again, and replaces only the county-month a corrected file covers', async () => {
    const first = caseCsv(LINGWU, { start: '2024-01', months: 2, perMonth: 400, seed: 11 });
    const again = await upload('lingwu.admin', LINGWU, 'same-again.csv', first.bytes);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');

    const januaryBefore = await db.query(
      `SELECT o.measure, o.value::text, o.id FROM observation o JOIN import i ON i.id = o.import_id
        WHERE i.adapter_id = 'cases' AND i.region_code = $1 AND i.period = '2024-01' ORDER BY o.id`,
      [LINGWU],
    );
    const february = caseCsv(LINGWU, { start: '2024-02', months: 1, perMonth: 250, seed: 99 });
    const res = await upload(
      'lingwu.admin',
      LINGWU,
      'lingwu-2024-02-corrected.csv',
      february.bytes,
    );
    expect(res.status).toBe(202);
    const done = await finished('lingwu.admin', res.body.import.id);
    expect(done.status).toBe('done');
    expect(done.slots).toEqual([{ regionCode: LINGWU, month: '2024-02', rows: 250 }]);

    const januaryAfter = await db.query(
      `SELECT o.measure, o.value::text, o.id FROM observation o JOIN import i ON i.id = o.import_id
        WHERE i.adapter_id = 'cases' AND i.region_code = $1 AND i.period = '2024-01' ORDER BY o.id`,
      [LINGWU],
    );
    // January was not touched: the same rows, not even rewritten.
    expect(januaryAfter.rows).toEqual(januaryBefore.rows);
    const feb = await call('lingwu.admin', `/cases/indicators?region=${LINGWU}&period=2024-02`);
    expect(feb.body.counts['cases']).toBe(250);
    const total = await call(
      'lingwu.admin',
      `/cases/indicators?region=${LINGWU}&period=2024-01..2024-02`,
    );
    expect(total.body.counts['cases']).toBe(650);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM case_record WHERE region_code = $1 AND month = '2024-02-01'`,
      [LINGWU],
    );
    expect(rows.rows[0].n).toBe(250);
  });

  it('refuses a region outside the uploader’s scope, and fails a file with cases of another region', async () => {
    const file = caseCsv(LINGWU, { start: '2024-05', perMonth: 20, seed: 5 });
    const refused = await upload('jinfeng.admin', LINGWU, 'not-mine.csv', file.bytes);
    expect(refused.status).toBe(403);

    const other = caseCsv('640106', { start: '2024-05', perMonth: 20, seed: 6 });
    const res = await upload('lingwu.admin', LINGWU, 'wrong-county.csv', other.bytes);
    expect(res.status).toBe(202);
    const done = await finished('lingwu.admin', res.body.import.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/region 640106, outside the region of this import/);
    const rows = await db.query(`SELECT count(*)::int AS n FROM case_record WHERE import_id = $1`, [
      res.body.import.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('lists the department names the registry does not know, whose cases count in the county total only', async () => {
    const file = caseCsv(JINFENG, { start: '2024-09', perMonth: 50, seed: 9 });
    const stranger = '金凤区政务服务中心综合窗口';
    const records = file.records.map((r, i) => (i < 3 ? { ...r, unit: stranger } : r));
    const bytes = Buffer.from(caseCsvHeader() + records.map(caseCsvLine).join(''), 'utf8');
    const res = await upload('jinfeng.admin', JINFENG, 'jinfeng-2024-09.csv', bytes);
    const done = await finished('jinfeng.admin', res.body.import.id);
    expect(done.status).toBe('done');
    expect(done.unmatchedUnits).toContainEqual({ regionCode: JINFENG, name: stranger, cases: 3 });
    const county = await call(
      'jinfeng.admin',
      `/cases/indicators?region=${JINFENG}&period=2024-09`,
    );
    expect(county.body.counts['cases']).toBe(50);

    // Naming the stranger as an alias of a registered unit matches its cases to that unit,
    // in the background, without importing the file again.
    const unitCases = async (unitId: string) => {
      const rows = await db.query(
        `SELECT coalesce(sum(o.value), 0)::int AS n FROM observation o JOIN import i ON i.id = o.import_id
          WHERE i.adapter_id = 'cases' AND i.region_code = $1 AND i.period = '2024-09'
            AND o.subject_kind = 'unit' AND o.subject_id = $2 AND o.measure = 'cases'`,
        [JINFENG, unitId],
      );
      return rows.rows[0].n as number;
    };
    const unit = { id: '640106:spj' };
    const before = await unitCases(unit.id);
    const added = await call('jinfeng.admin', `/units/${encodeURIComponent(unit.id)}/aliases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alias: stranger }),
    });
    expect(added.status).toBe(201);
    const deadline = Date.now() + 30_000;
    while ((await unitCases(unit.id)) !== before + 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await unitCases(unit.id)).toBe(before + 3);
    const audit = await db.query(
      `SELECT actor, action FROM audit_log WHERE action = 'cases.rematch' AND target_id = $1
        ORDER BY id DESC LIMIT 1`,
      [JINFENG],
    );
    expect(audit.rows[0]).toEqual({ actor: 'jinfeng.admin', action: 'cases.rematch' });
    const removed = await call(
      'jinfeng.admin',
      `/units/${encodeURIComponent(unit.id)}/aliases/${encodeURIComponent(stranger)}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(200);
  });

  it('fails a malformed file with the row and column to fix, leaving no cases behind', async () => {
    const file = caseCsv(LINGWU, { start: '2024-07', perMonth: 30, seed: 8 });
    const text = file.bytes.toString('utf8').replace(/,窗口办理,/, ',柜台,');
    const res = await upload('lingwu.admin', LINGWU, 'typo.csv', Buffer.from(text, 'utf8'));
    const done = await finished('lingwu.admin', res.body.import.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/typo\.csv, row \d+, column F \(办理渠道\): "柜台"/);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM case_record WHERE month = '2024-07-01' AND region_code = $1`,
      [LINGWU],
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('equals the aggregate path: 审批局’s offline evaluation rate from cases is the bulletin’s 98.87', async () => {
    const annex = await call('jinfeng.admin', '/imports', {
      method: 'POST',
      body: uploadForm(fixture('ningxia', 'jinfeng-2022-01to08-annex2-haochaping.xlsx')),
    });
    expect([200, 201]).toContain(annex.status);
    if (annex.status === 201) annexImport = annex.body.import.id;

    // 金凤区 annex 2, 审批局: 5867 cases, 32 online, 5835 offline, 5769 evaluated, all satisfied.
    const records: CaseRecord[] = [];
    for (let i = 0; i < 5867; i += 1) {
      const month = String(1 + (i % 8)).padStart(2, '0');
      records.push({
        caseId: `JF-SPJ-${i}`,
        itemCode: `640106-SX-${i % 60}`,
        itemType: 'approval',
        unit: '审批局',
        regionCode: '640106',
        channel: i < 32 ? 'fully_online' : 'window',
        received: `2022-${month}-10`,
        promisedDays: 3,
        finished: `2022-${month}-11`,
        status: '已办结',
        evaluation: i >= 32 && i - 32 < 5769 ? 5 : null,
        preReview: null,
        isTest: false,
      });
    }
    const bytes = Buffer.from(caseCsvHeader() + records.map(caseCsvLine).join(''), 'utf8');
    const res = await upload('jinfeng.admin', '640106', 'jinfeng-spj-2022.csv', bytes);
    const done = await finished('jinfeng.admin', res.body.import.id);
    expect(done.status).toBe('done');

    // The department head sees the cases of their own unit only.
    const fromCases = await call(
      'jinfeng.spj.head',
      '/cases/indicators?region=640106&period=2022-01..2022-08',
    );
    expect(fromCases.status).toBe(200);
    const rate = fromCases.body.indicators.find(
      (i: { code: string }) => i.code === 'offline_evaluation_rate',
    );
    expect(rate).toEqual(
      expect.objectContaining({ numerator: 5769, denominator: 5835, percent: 98.87 }),
    );
    const assessment = await call(
      'jinfeng.admin',
      '/assessments?region=640106&period=2022-01..2022-08',
    );
    const indicator = assessment.body.indicators.find(
      (i: { code: string }) => i.code === 'offline_evaluation_rate',
    );
    const spj = indicator.children.find(
      (r: { subject?: { id?: string }; id?: string }) => (r.subject?.id ?? r.id) === '640106:spj',
    );
    expect(Number(spj.value.display)).toBe(rate.percent);
  });
});
