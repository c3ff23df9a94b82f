import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { Client } from 'pg';
import type { BulletinAnnex, BulletinDetail, BulletinDocument } from '@efficacy/api-contract';
import { findSoffice } from '@efficacy/api/feature-bulletins';
import { fixture, uploadForm } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const JINFENG_PERIOD = '2022-01..2022-08';
const JINFENG_FILES = [
  'jinfeng-2022-01to08-annex1-coverage.xlsx',
  'jinfeng-2022-01to08-annex2-haochaping.xlsx',
  'jinfeng-2022-01to08-annex3-e-licences.xlsx',
  'jinfeng-2022-01to08-annex4-overdue.xlsx',
  'jinfeng-2022-01to08-annex5-failed-prereview.xlsx',
];
const YINDU_FILES = [
  'yindu-2023-06-annex1-contactless-immediate.xlsx',
  'yindu-2023-06-annex2-time-limit-compression.xlsx',
  'yindu-2023-06-annex5-internet-plus-supervision.xlsx',
  'yindu-2023-06-annex7-online-service-audit.xlsx',
];
const FIXTURES = join(__dirname, '..', '..', '..', 'plugins');

/** The fields a fixture's .context.json supplies (a period its title does not print). */
function contextOf(plugin: string, name: string): Record<string, string> {
  const path = join(FIXTURES, plugin, 'test-fixtures', 'ok', `${name}.context.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

const rowsOf = (annex: BulletinAnnex | undefined) =>
  (annex?.rows ?? []).map((r) => [r.name, ...r.cells.map((c) => c.text)]);
const annexOf = (doc: BulletinDocument, code: string) => doc.annexes.find((a) => a.code === code);
const prose = (doc: BulletinDocument) =>
  doc.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]).join('\n');

describe('bulletins (通报) composed from imported seed figures', () => {
  let t: TestApp;
  let db: Client;
  const inserted: string[] = [];

  const call = async (user: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${await tokenFor(user)}`,
      },
    });
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) {
      return {
        status: res.status,
        body: undefined,
        bytes: Buffer.from(await res.arrayBuffer()),
        res,
      };
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, bytes: undefined, res };
  };
  const post = (user: string, path: string, body: unknown) =>
    call(user, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function upload(user: string, plugin: string, name: string): Promise<void> {
    const res = await call(user, '/imports', {
      method: 'POST',
      body: uploadForm(fixture(plugin, name), contextOf(plugin, name)),
    });
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(`import of ${name}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  /** A committed import written straight into the tables, for a figure no fixture file carries. */
  async function insertFigures(
    regionCode: string,
    period: string,
    figures: Array<{ measure: string; value: number; unit?: string }>,
  ): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO import (id, file_name, file_sha256, file_size, adapter_id, adapter_version, report_kind,
                           period, region_code, status, counts, warnings, created_by, created_at)
       VALUES ($1, $2, $3, 0, 'bulletins-spec', '1.0.0', $4, $5, $6, 'committed', '{}', '[]', 'bulletins-spec', now())`,
      [
        id,
        `bulletins-spec-${id}.txt`,
        createHash('sha256').update(id).digest('hex'),
        `spec-${id}`,
        period,
        regionCode,
      ],
    );
    for (const figure of figures) {
      await db.query(
        `INSERT INTO observation (import_id, region_code, subject_kind, subject_id, period, measure, status, value, role, provenance)
         VALUES ($1, $2, $3, $4, $5, $6, 'number', $7, $8, $9)`,
        [
          id,
          regionCode,
          figure.unit ? 'unit' : 'region',
          figure.unit ?? regionCode,
          period,
          figure.measure,
          figure.value,
          figure.unit ? 'row' : 'total',
          JSON.stringify({ locator: '一、（二）' }),
        ],
      );
    }
    inserted.push(id);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    for (const name of JINFENG_FILES) await upload('jinfeng.admin', 'ningxia', name);
    for (const name of YINDU_FILES) await upload('anyang.admin', 'henan', name);
    // The seed bulletin's text says 差评数0件; no annex carries it, so it is entered as its text figure.
    await insertFigures('640106', JINFENG_PERIOD, [{ measure: 'evaluations.bad', value: 0 }]);
  }, 120_000);

  afterAll(async () => {
    await db.query('DELETE FROM observation WHERE import_id = ANY($1::uuid[])', [inserted]);
    await db.query('DELETE FROM import WHERE id = ANY($1::uuid[])', [inserted]);
    await db.end();
    await t.close();
  });

  describe('金凤区 2022年1-8月', () => {
    let doc: BulletinDocument;

    beforeAll(async () => {
      const res = await post('jinfeng.admin', '/bulletins/preview', {
        region: '640106',
        period: JINFENG_PERIOD,
      });
      expect(res.status).toBe(200);
      doc = res.body;
    }, 60_000);

    it('reproduces the seed bulletin figures in generated sentences', () => {
      const text = prose(doc);
      expect(doc.title).toBe('金凤区2022年1-8月政务服务运行情况的通报');
      expect(text).toContain('全区事项覆盖率为28.08%（472/1681）');
      expect(text).toContain('全区线下评价率为98.95%（12009/12136）');
      expect(text).toContain('全区超期率为5.86%（2808/47903）');
      expect(text).toContain('差评0件');
      expect(text).toContain('全区政务服务“好差评”整体满意率为100%');
      expect(text).toContain('按照银川市“2022年事项覆盖率达到40%”的目标要求，尚差11.92个百分点');
    });

    it('names the units below target', () => {
      const rate = doc.figures.find((f) => f.indicator === 'offline_evaluation_rate');
      expect(rate?.display).toBe('98.95%');
      expect(rate?.belowTarget).toEqual(
        expect.arrayContaining(['金凤区残疾人联合会', '良田镇民生服务中心', '丰登镇民生服务中心']),
      );
      expect(rate?.belowTarget).toHaveLength(3);
      const coverage = doc.figures.find((f) => f.indicator === 'item_coverage');
      expect(coverage?.belowTarget).toContain('金凤区残疾人联合会');
      expect(coverage?.belowTarget).not.toContain('金凤区审批服务管理局');
    });

    it('names the laggards as the seed does: above 10%, with cases below 10%', () => {
      const text = prose(doc);
      expect(text).toContain(
        '目前，共有15个办理部门事项覆盖率超过10%（具体是：金凤区烟草专卖局100.00%、金凤区审批服务管理局95.36%、',
      );
      expect(text).toContain(
        '2个办理部门通过平台办理并产生办件量，但事项覆盖率低于10%（具体是：国家税务总局银川市金凤区税务局、银川市公安局金凤区分局）',
      );
      expect(text).toContain(
        '线下参评率低于目标的单位有3个：金凤区残疾人联合会（53.03%）、丰登镇民生服务中心（96.31%）、良田镇民生服务中心（98.33%）。',
      );
    });

    it('prints annexes 3 to 5 from the imported total-only tables', () => {
      expect(doc.annexes.map((a) => `${a.number} ${a.code}`)).toEqual([
        '1 item-coverage',
        '2 good-bad-review',
        '3 e-licences',
        '4 overdue',
        '5 failed-pre-review',
      ]);
      expect(rowsOf(annexOf(doc, 'e-licences'))).toEqual([
        ['合计', '46', '36', '46356', '54098', '16.7%', '15870'],
      ]);
      expect(rowsOf(annexOf(doc, 'overdue'))).toEqual([
        ['合计', '47903', '45095', '2808', '2779', '29', '5.86%'],
      ]);
      expect(rowsOf(annexOf(doc, 'failed-pre-review'))).toEqual([['合计', '151', '37', '114']]);
      expect(prose(doc)).toContain('便民系统预审不通过办件114件。详见附件5。');
    });

    it('prints annex 1 (事项覆盖率) from the imported coverage table, ranked, with the 合计', () => {
      const rows = rowsOf(annexOf(doc, 'item-coverage'));
      expect(rows).toHaveLength(16);
      expect(rows[0]).toEqual([
        '金凤区烟草专卖局',
        expect.any(String),
        expect.any(String),
        '100.00',
      ]);
      expect(rows[1]?.[0]).toBe('金凤区审批服务管理局');
      expect(rows[1]?.[3]).toBe('95.36');
      expect(rows[15]).toEqual(['合计', '1681', '472', '28.08']);
    });

    it('reproduces annex 2 row by row', () => {
      const annex = annexOf(doc, 'good-bad-review');
      expect(annex?.title).toBe('金凤区2022年1-8月政务服务系统各单位“好差评”情况');
      const seed = [
        ['5867', '32', '5835', '5769', '98.87', '100'],
        ['6196', '6196', '0', '/', '/', '100'],
        ['66', '0', '66', '35', '53.03', '100'],
        ['3569', '3569', '0', '/', '/', '100'],
        ['16480', '16480', '0', '/', '/', '100'],
        ['2', '2', '0', '/', '/', '100'],
        ['1', '1', '0', '/', '/', '100'],
        ['1', '0', '1', '1', '100', '100'],
        ['1591', '1051', '540', '531', '98.33', '100'],
        ['799', '419', '380', '366', '96.31', '100'],
        ['1795', '1363', '432', '432', '100', '100'],
        ['2780', '1809', '971', '971', '100', '100'],
        ['4412', '1560', '2852', '2845', '99.75', '100'],
        ['3204', '2704', '500', '500', '100', '100'],
        ['853', '442', '411', '411', '100', '100'],
        ['287', '139', '148', '148', '100', '100'],
        ['47903', '35767', '12136', '12009', '98.95', '100'],
      ];
      const asNumbers = (cells: string[]) => cells.map((c) => (/^[\d.]+$/.test(c) ? Number(c) : c));
      expect(rowsOf(annex).map((r) => asNumbers(r.slice(1)))).toEqual(seed.map(asNumbers));
      expect(rowsOf(annex)[0]?.[0]).toBe('金凤区审批服务管理局');
      expect(rowsOf(annex)[16]?.[0]).toBe('合计');
    });
  });

  describe('殷都区 2023年6月', () => {
    let doc: BulletinDocument;

    // The city administrator composes it: the 安阳市 benchmark row of annex 5 is a city figure,
    // outside a county administrator's scope.
    beforeAll(async () => {
      const res = await post('anyang.admin', '/bulletins/preview', {
        region: '410505',
        period: '2023-06',
      });
      expect(res.status).toBe(200);
      doc = res.body;
    }, 60_000);

    it('reproduces annex 1 (不见面审批、即办件)', () => {
      const rows = rowsOf(annexOf(doc, 'contactless-immediate'));
      expect(rows).toHaveLength(32);
      expect(rows[0]).toEqual(['合计', '1644', '100.00%', '1031', '62.71%']);
      expect(rows[1]).toEqual(['殷都区文广体旅局', '161', '100.00%', '161', '100.00%']);
      expect(rows[20]).toEqual(['殷都区人社局', '242', '100.00%', '125', '51.65%']);
      expect(rows[31]).toEqual(['殷都区财政局', '3', '100.00%', '0', '0.00%']);
    });

    it('reproduces annex 2 (压缩办理时限)', () => {
      const rows = rowsOf(annexOf(doc, 'time-limit-compression'));
      expect(rows).toHaveLength(32);
      expect(rows[0]).toEqual(['合计', '1644', '42166', '3266', '1031', '505', '108', '92.25%']);
      expect(rows[1]).toEqual([
        '殷都区退役军人事务局',
        '40',
        '4320',
        '40',
        '0',
        '40',
        '0',
        '99.07%',
      ]);
      expect(rows[30]).toEqual(['殷都区税务局', '78', '379', '145', '66', '0', '12', '61.74%']);
      expect(rows[31]).toEqual([
        '殷都区公安分局',
        '143',
        '1838',
        '1532',
        '64',
        '3',
        '76',
        '16.65%',
      ]);
    });

    it('reproduces annex 5 (互联网+监管) with the 安阳市 benchmark row', () => {
      const rows = rowsOf(annexOf(doc, 'internet-plus-supervision'));
      expect(rows).toHaveLength(27);
      expect(rows[0]?.slice(0, 4)).toEqual(['安阳市', '4234', '2018', '47.66%']);
      expect(rows[1]).toEqual(
        '殷都区 383 79 20.63% 488 57 122 930 245 351 68 20 20 193 139 142 27.46%'.split(' '),
      );
      expect(rows[5]).toEqual(
        '殷都区卫健委 29 26 89.66% 28 25 26 183 168 168 20 16 16 148 136 137 91.03%'.split(' '),
      );
      expect(rows[26]?.slice(-1)).toEqual(['0.00%']);
    });

    it("leaves the city's benchmark row out of the county administrator's bulletin", async () => {
      const res = await post('yindu.admin', '/bulletins/preview', {
        region: '410505',
        period: '2023-06',
      });
      const rows = rowsOf(annexOf(res.body, 'internet-plus-supervision'));
      expect(rows[0]?.slice(0, 4)).toEqual(['殷都区', '383', '79', '20.63%']);
      expect(rows.map((r) => r[0])).not.toContain('安阳市');
    }, 60_000);

    it('reproduces annex 7 (网办问题排查)', () => {
      const rows = rowsOf(annexOf(doc, 'online-service-audit'));
      expect(rows).toEqual([
        ['殷都区自然资源局', '6', '4', '2', '66.67%'],
        ['殷都区卫健委', '10', '3', '7', '30.00%'],
        ['殷都区市场监管局', '15', '4', '11', '26.67%'],
        ['殷都区公安分局', '35', '0', '35', '0.00%'],
        ['殷都区医保局', '30', '0', '30', '0.00%'],
        ['殷都区税务局', '18', '0', '18', '0.00%'],
        ['殷都区人社局', '84', '0', '84', '0.00%'],
        ['殷都区残联', '1', '0', '1', '0.00%'],
        [expect.stringContaining('房管'), '1', '0', '1', '0.00%'],
        ['合计', '200', '11', '189', '5.50%'],
      ]);
    });
  });

  describe('draft, publish, download, re-import and errata', () => {
    let published: BulletinDetail;
    let docx: Buffer;

    beforeAll(async () => {
      const draft = await post('jinfeng.admin', '/bulletins', {
        region: '640106',
        period: JINFENG_PERIOD,
      });
      expect(draft.status).toBe(201);
      expect(draft.body.status).toBe('draft');
      // A county administrator drafts but cannot publish.
      expect((await post('jinfeng.admin', `/bulletins/${draft.body.id}/publish`, {})).status).toBe(
        403,
      );
      // Without the office's settings the draft shows placeholders and is not published
      // (银川市's: no spec sets them, whatever ran before in this database).
      const city = await post('yinchuan.admin', '/bulletins', {
        region: '640100',
        period: JINFENG_PERIOD,
      });
      expect(city.status).toBe(201);
      expect(city.body.document.issuer).toBe('【待设置：发文机关（红头）】');
      expect(city.body.document.documentNumber).toMatch(/^【待设置：发文字号前缀】〔\d{4}〕\d+号$/);
      const refused = await post('yinchuan.admin', `/bulletins/${city.body.id}/publish`, {});
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('发文机关（红头）、落款、发文字号前缀、印发机关');
      const office = await call('jinfeng.admin', '/bulletins/office/640106', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          issuer: '金凤区审批服务管理局',
          signature: '金凤区审批服务管理局',
          numberPrefix: '金政务',
          copyTo: '区委办公室，区人大办公室，区政府办公室。',
          printedBy: '金凤区审批服务管理局办公室',
        }),
      });
      expect(office.status).toBe(200);
      expect(office.body.missing).toEqual([]);
      const res = await post('yinchuan.admin', `/bulletins/${draft.body.id}/publish`, {});
      expect(res.status).toBe(200);
      published = res.body;
      const file = await call('yinchuan.admin', `/bulletins/${published.id}/files/docx`);
      expect(file.status).toBe(200);
      docx = file.bytes as Buffer;
    }, 120_000);

    it('publishes with a document number, frozen docx and xlsx, and an audit entry', async () => {
      expect(published.status).toBe('published');
      // Numbered in order within the county and year (other specs may have published before).
      expect(published.documentNumber).toMatch(/^金政务〔\d{4}〕\d+号$/);
      expect(published.document.imprint?.printedBy).toBe('金凤区审批服务管理局办公室');
      expect(published.document.missingSettings).toBeUndefined();
      expect(published.formats).toEqual(['docx', 'xlsx']);
      // Another county's administrator neither sees nor downloads it.
      expect((await call('lingwu.admin', `/bulletins/${published.id}`)).status).toBe(404);
      expect((await call('lingwu.admin', `/bulletins/${published.id}/files/docx`)).status).toBe(
        404,
      );
      const theirs = await call('lingwu.admin', '/bulletins');
      expect(theirs.body.map((b: { id: string }) => b.id)).not.toContain(published.id);
      const audit = await db.query(
        `SELECT action, actor FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [published.id],
      );
      expect(audit.rows.map((r) => `${r.action}:${r.actor}`)).toEqual(
        expect.arrayContaining([
          'bulletin.draft:jinfeng.admin',
          'bulletin.publish:yinchuan.admin',
          'bulletin.download:yinchuan.admin',
        ]),
      );
    });

    it('the .docx opens as A4 with GB/T 9704 margins, headings and the annex table', async () => {
      const zip = await JSZip.loadAsync(docx);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(xml).toContain(published.documentNumber);
      expect(xml).toContain('一、总体情况');
      expect(xml).toContain('二、下一步工作要求');
      expect(xml).toContain('金凤区审批服务管理局');
      expect(xml).toContain('98.95');
    });

    it('the .xlsx has the annexes as sheets with the figures as numbers', async () => {
      const file = await call('jinfeng.admin', `/bulletins/${published.id}/files/xlsx`);
      expect(file.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((w) =>
        String(w.getCell('A1').value).includes('“好差评”情况'),
      );
      expect(sheet).toBeDefined();
      const total = sheet?.getRow((sheet?.rowCount ?? 0) - 1).values as unknown[];
      expect(total.slice(2)).toEqual(['合计', 47903, 35767, 12136, 12009, 98.95, 100]);
    });

    it('serves a PDF of the frozen .docx when LibreOffice is installed, and says so when not', async () => {
      if (await findSoffice()) {
        // Converted in the background after publication, without anyone asking for it.
        const stored = async () =>
          (
            await db.query(
              `SELECT sha256 FROM bulletin_file WHERE bulletin_id = $1 AND format = 'pdf'`,
              [published.id],
            )
          ).rows[0]?.sha256 as string | undefined;
        const deadline = Date.now() + 150_000;
        while (!(await stored()) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 500));
        const sha = await stored();
        expect(sha).toMatch(/^[0-9a-f]{64}$/);
        const audit = await db.query(
          `SELECT actor FROM audit_log WHERE action = 'bulletin.pdf' AND target_id = $1`,
          [published.id],
        );
        expect(audit.rows).toEqual([{ actor: 'yinchuan.admin' }]);
        const pdf = await call('jinfeng.admin', `/bulletins/${published.id}/files/pdf`);
        expect(pdf.status).toBe(200);
        expect((pdf.bytes as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // The download is the stored file, not a new conversion.
        expect(
          createHash('sha256')
            .update(pdf.bytes as Buffer)
            .digest('hex'),
        ).toBe(sha);
      } else {
        const pdf = await call('jinfeng.admin', `/bulletins/${published.id}/files/pdf`);
        // LibreOffice is optional on the server: the answer names what is missing.
        expect(pdf.status).toBe(503);
        expect(pdf.body.message).toContain('LibreOffice');
      }
    }, 180_000);

    it('keeps its numbers when data is re-imported; the database refuses edits', async () => {
      // A later import lowers 金凤区's offline evaluations: previews change, the bulletin does not.
      await insertFigures('640106', JINFENG_PERIOD, [
        { measure: 'cases.offline', value: 5000, unit: '640106:yczmj' },
        { measure: 'cases.offline.evaluated', value: 0, unit: '640106:yczmj' },
      ]);
      const preview = await post('jinfeng.admin', '/bulletins/preview', {
        region: '640106',
        period: JINFENG_PERIOD,
      });
      const rate = (d: BulletinDocument) =>
        d.figures.find((f) => f.indicator === 'offline_evaluation_rate')?.display;
      expect(rate(preview.body)).not.toBe('98.95%');
      const again = await call('jinfeng.admin', `/bulletins/${published.id}`);
      expect(rate(again.body.document)).toBe('98.95%');
      const file = await call('jinfeng.admin', `/bulletins/${published.id}/files/docx`);
      expect(
        createHash('sha256')
          .update(file.bytes as Buffer)
          .digest('hex'),
      ).toBe(createHash('sha256').update(docx).digest('hex'));
      await expect(
        db.query(`UPDATE bulletin SET title = 'x' WHERE id = $1`, [published.id]),
      ).rejects.toThrow(/published and frozen/);
      await db.query('DELETE FROM observation WHERE import_id = $1', [
        inserted[inserted.length - 1],
      ]);
    });

    it('corrects with an erratum linked to the original, never an edit', async () => {
      const erratum = await post('jinfeng.admin', `/bulletins/${published.id}/errata`, {
        reason: '附件2线下评价数更正',
      });
      expect(erratum.status).toBe(201);
      expect(erratum.body.correctsId).toBe(published.id);
      expect(erratum.body.document.corrects).toEqual({
        id: published.id,
        documentNumber: published.documentNumber,
        reason: '附件2线下评价数更正',
      });
      const original = await call('yinchuan.admin', `/bulletins/${published.id}`);
      expect(original.body.errata).toEqual([
        { id: erratum.body.id, documentNumber: erratum.body.documentNumber, status: 'draft' },
      ]);
      const out = await post('yinchuan.admin', `/bulletins/${erratum.body.id}/publish`, {});
      expect(out.status).toBe(200);
      const serial = (n: string) => Number(/〔\d{4}〕(\d+)号$/.exec(n)?.[1]);
      expect(serial(out.body.documentNumber)).toBe(serial(published.documentNumber) + 1);
      const list = await call('yinchuan.admin', '/bulletins?region=640106&status=published');
      expect(list.body.map((b: { id: string }) => b.id)).toEqual(
        expect.arrayContaining([published.id, erratum.body.id]),
      );
      expect((await post('yinchuan.admin', `/bulletins/${published.id}/publish`, {})).status).toBe(
        409,
      );
    }, 120_000);
  });

  describe('scope and templates', () => {
    it('a county admin cannot draft for another county: 404 as if it did not exist', async () => {
      expect(
        (await post('jinfeng.admin', '/bulletins', { region: '640181', period: '2022-H1' })).status,
      ).toBe(404);
      expect(
        (await post('jinfeng.admin', '/bulletins/preview', { region: '640181', period: '2022-H1' }))
          .status,
      ).toBe(404);
      expect(
        (await post('jinfeng.admin', '/bulletins/preview', { region: '640106', period: '2022-13' }))
          .status,
      ).toBe(400);
      // No data, no bulletin: neither a preview nor a draft of a period nothing was imported for.
      const before = await db.query(`SELECT count(*)::int AS n FROM bulletin`);
      for (const path of ['/bulletins/preview', '/bulletins']) {
        const empty = await post('jinfeng.admin', path, { region: '640106', period: '2030-01' });
        expect(empty.status).toBe(422);
        expect(empty.body.message).toBe(
          "no figures have been imported for 金凤区 (640106) in 2030-01: import the period's statistics before composing its bulletin",
        );
      }
      const after = await db.query(`SELECT count(*)::int AS n FROM bulletin`);
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('stores edited templates as a new version and composes with them', async () => {
      const current = await call('jinfeng.admin', '/bulletins/templates/640106');
      expect(current.status).toBe(200);
      const saved = await call('jinfeng.admin', '/bulletins/templates/640106', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...current.body.templates,
          issuer: '{region}审批服务管理局',
          numberPrefix: '金审管',
          requirements: [{ title: '全量归集电子证照数据', text: '各证照产生部门随办随录。' }],
        }),
      });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(current.body.version + 1);
      const preview = await post('jinfeng.admin', '/bulletins/preview', {
        region: '640106',
        period: JINFENG_PERIOD,
      });
      // The office settings saved earlier win over the template's issuer and prefix.
      expect(preview.body.issuer).toBe('金凤区审批服务管理局');
      expect(preview.body.documentNumber).toMatch(/^金政务〔/);
      expect(prose(preview.body)).toContain('（一）全量归集电子证照数据');
      const bad = await call('jinfeng.admin', '/bulletins/templates/640106', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...current.body.templates, closing: '请{unit}整改' }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('unknown placeholder {unit}');
    }, 60_000);
  });
});
