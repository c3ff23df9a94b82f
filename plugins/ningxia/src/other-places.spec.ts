import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NormalisedBatch, ParseContext, ValueState } from '@efficacy/plugin-sdk';
import { buildXlsx } from '@efficacy/plugin-sdk/testing';

import { ningxiaAdapter } from './ningxia.adapter';

// Tables of places and periods the adapter was not written against (Yinchuan's 12345, the
// Zhongning hall); their figures are the printed ones (tools/fixtures/README.md).
const ok = join(__dirname, '..', 'test-fixtures', 'ok');
const CATEGORIES = 'yinchuan-2019-w25-26-12345-categories.xlsx';
const WEEKS = { period: '2019-06..2019-07' };

function okFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(ok, name))) };
}

function parseOk(name: string, context?: ParseContext): Promise<NormalisedBatch> {
  return ningxiaAdapter.parse(okFile(name), context);
}

function number(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function regionValue(batch: NormalisedBatch, label: string, code: string): ValueState | undefined {
  return batch.totals.find((t) => t.label === label)?.values.find((v) => v.code === code)?.value;
}

describe('Yinchuan 12345一号通, weeks 25 and 26 of 2019', () => {
  it('does not file two weeks under the whole year: without a period from the upload it asks for one', async () => {
    await expect(parseOk(CATEGORIES)).rejects.toMatchObject({
      code: 'PERIOD_NOT_FOUND',
      message: expect.stringContaining('names weeks'),
    });
  });

  it('reads every category as a figure of the city, 合计 42172 received (42037 + 135), 38552 finished', async () => {
    const batch = await parseOk(CATEGORIES, WEEKS);
    expect(batch.reportKind).toBe('hotline-categories');
    expect(batch.period).toBe('2019-06..2019-07');
    expect(batch.regionCode).toBe('640100');
    expect(batch.measures).toEqual([]);
    expect(number(regionValue(batch, '咨询类', 'hotline.requests.consultation'))).toBe(28491);
    expect(number(regionValue(batch, '咨询类', 'hotline.requests.consultation.phone'))).toBe(28451);
    expect(number(regionValue(batch, '投诉类', 'hotline.requests.complaint.multimedia'))).toBe(85);
    expect(number(regionValue(batch, '投诉类', 'hotline.finished.complaint'))).toBe(9023);
    expect(number(regionValue(batch, '无效诉求', 'hotline.requests.invalid'))).toBe(1762);
    expect(regionValue(batch, '无效诉求', 'hotline.finished.invalid')).toEqual({
      status: 'missing',
      raw: '',
    });
    expect(number(regionValue(batch, '合计', 'hotline.requests'))).toBe(42172);
    expect(number(regionValue(batch, '合计', 'hotline.requests.phone'))).toBe(42037);
    expect(number(regionValue(batch, '合计', 'hotline.requests.multimedia'))).toBe(135);
    expect(number(regionValue(batch, '合计', 'hotline.finished'))).toBe(38552);
    expect(batch.totals.every((t) => t.covers.length === 0)).toBe(true);
  });

  it('says what period the figures were filed under, and flags categories finished more often than received', async () => {
    const batch = await parseOk(CATEGORIES, WEEKS);
    expect(batch.warnings.map((w) => [w.code, w.provenance?.row])).toEqual([
      ['PERIOD_FROM_CONTEXT', 1],
      ['FINISHED_EXCEEDS_RECEIVED', 4],
      ['FINISHED_EXCEEDS_RECEIVED', 6],
      ['FINISHED_EXCEEDS_RECEIVED', 7],
    ]);
    expect(batch.warnings[0]?.message).toContain(
      '2019年6月28日12:00至2019年7月12日12:00), which is not a calendar period; its figures are filed under 2019-06..2019-07',
    );
    expect(batch.warnings[1]?.message).toContain('咨询类: 28498 finished against 28491 received');
  });

  it('flags categories that do not add up to 合计, and 热线 + 多媒体 that do not give 受理量', async () => {
    const bytes = await buildXlsx([
      {
        name: '诉求类型',
        rows: [
          ['“12345一号通”平台2019年7月受理办理情况'],
          ['序号', '诉求类型', '受理量(件)', '热线受理(件)', '多媒体受理(件)', '办结量(件)'],
          [1, '咨询类', 100, 90, 9, 100],
          [2, '投诉类', 50, 50, 0, 40],
          ['合计', null, 160, 140, 9, 140],
        ],
      },
    ]);
    const batch = await ningxiaAdapter.parse({ name: 'yinchuan-12345.xlsx', bytes });
    expect(batch.period).toBe('2019-07');
    expect(batch.warnings.map((w) => [w.code, w.provenance?.row, w.provenance?.column])).toEqual([
      ['LINE_SUM_MISMATCH', 3, 'C'],
      ['LINE_SUM_MISMATCH', 5, 'C'],
      // 热线 90 + 50 and 办结 100 + 40 do give 合计's 140: only 受理量 is flagged.
      ['CATEGORY_SUM_MISMATCH', 5, 'C'],
    ]);
    expect(batch.warnings[2]?.message).toContain(
      'the categories add up to 150, but 合计 is printed 160',
    );
  });

  it('service classes: 行政化 20549 / 14937, 社会化 19861 / 19844', async () => {
    const batch = await parseOk('yinchuan-2019-w25-26-12345-service-classes.xlsx', WEEKS);
    expect(batch.reportKind).toBe('hotline-service-classes');
    expect(number(regionValue(batch, '行政化服务类', 'hotline.requests.administrative'))).toBe(
      20549,
    );
    expect(number(regionValue(batch, '行政化服务类', 'hotline.finished.administrative'))).toBe(
      14937,
    );
    expect(number(regionValue(batch, '社会化服务类', 'hotline.finished.social'))).toBe(19844);
    expect(number(regionValue(batch, '合计', 'hotline.requests'))).toBe(42172);
    expect(batch.warnings.map((w) => w.code)).toEqual(['PERIOD_FROM_CONTEXT']);
  });
});

describe('Zhongning 2021 Q2, cases per department of the hall', () => {
  it('reads the named departments in their sections, the 小计 and 合计 as printed', async () => {
    const batch = await parseOk('zhongning-2021-q2-hall-volumes.xlsx');
    expect(batch.reportKind).toBe('hall-case-volumes');
    expect(batch.period).toBe('2021-Q2');
    expect(batch.regionCode).toBe('640521');
    const cases = batch.measures.map((m) => [m.section, m.unitName, number(m.value)]);
    expect(cases).toHaveLength(15);
    expect(cases[0]).toEqual(['审批部门', '社保中心', 32304]);
    expect(cases).toContainEqual(['审批部门', '应急管理局', 13]);
    expect(cases).toContainEqual(['商业服务机构', '广电网络公司', 73]);
    expect(
      batch.totals.map((t) => [t.kind, t.section, t.values.map((v) => number(v.value))]),
    ).toEqual([
      ['subtotal', '审批部门', [139312]],
      ['subtotal', '商业服务机构', [13603]],
      ['total', undefined, [152915]],
    ]);
  });

  it('says how much of each 小计 belongs to departments the file does not list', async () => {
    const batch = await parseOk('zhongning-2021-q2-hall-volumes.xlsx');
    expect(batch.warnings.map((w) => [w.code, w.provenance?.row])).toEqual([
      ['TOTAL_EXCEEDS_LISTED_ROWS', 14],
      ['TOTAL_EXCEEDS_LISTED_ROWS', 21],
    ]);
    expect(batch.warnings[0]?.message).toContain(
      '小计 is printed 139312, the 10 rows it closes add up to 119299: 20013 belong to units the file does not list',
    );
  });

  it('is not chosen for a table that merely has 单位 and 办件量 under another title', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
          ['序号', '单位/部门', '办件量', '线上办件数'],
          [1, '审批局', 10, 5],
        ],
      },
    ]);
    await expect(ningxiaAdapter.parse({ name: 'jinfeng.xlsx', bytes })).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
    });
  });
});
