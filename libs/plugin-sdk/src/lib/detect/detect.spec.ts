import { buildCsv, buildXlsx } from '../testing/workbook-builder';
import { fakeAdapter, jinfengRows } from '../testing/fake-adapter.spec-support';
import { readGrid } from '../grid/read-grid';
import { detectInGrid, sheetText, titleCandidates } from './detect';
import { goodBadReviewTable } from '../testing/fake-adapter.spec-support';

describe('detectByTables', () => {
  it('is sure about a file whose header and title match', async () => {
    const bytes = await buildXlsx([{ name: '附件2', rows: jinfengRows }]);
    expect(await fakeAdapter.detect({ name: 'a.xlsx', bytes })).toEqual({
      confidence: 1,
      reportKind: 'good-bad-review',
      reason:
        'sheet "附件2": the header (rows 2-2) has 5 of 5 known columns of good-bad-review, and the title matches',
    });
  });

  it('is less sure without the title, and not sure with only some columns', async () => {
    const untitled = buildCsv(jinfengRows.slice(1));
    expect((await fakeAdapter.detect({ name: 'a.csv', bytes: untitled })).confidence).toBe(0.9);
    const partial = buildCsv([
      ['单位/部门', '办件量', '其他'],
      ['审批局', 1, 2],
    ]);
    const result = await fakeAdapter.detect({ name: 'p.csv', bytes: partial });
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.reason).toBe('sheet "p": only 2 of 5 required columns of good-bad-review found');
  });

  it('says no, without throwing, for a file it cannot read', async () => {
    expect(
      await fakeAdapter.detect({ name: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }),
    ).toEqual({
      confidence: 0,
      reason: 'a.pdf: the file type "pdf" is not supported here (expected xlsx or csv)',
    });
  });

  it('picks the best candidate across sheets', async () => {
    const bytes = await buildXlsx([
      { name: '说明', rows: [['本表由平台导出']] },
      { name: '附件2', rows: jinfengRows },
    ]);
    const grid = await readGrid({ name: 'm.xlsx', bytes });
    expect(
      detectInGrid(grid, [{ reportKind: 'good-bad-review', spec: goodBadReviewTable }]),
    ).toMatchObject({
      reportKind: 'good-bad-review',
      reason: expect.stringContaining('sheet "附件2"'),
    });
    expect(titleCandidates('m.xlsx', grid.sheets[1] as never, 2)).toEqual([
      {
        text: '金凤区2022年1-8月政务服务系统各单位“好差评”情况',
        location: { file: 'm.xlsx', sheet: '附件2', row: 1, column: 'A', columnIndex: 1 },
      },
    ]);
    expect(sheetText(grid.sheets[0] as never)).toBe('本表由平台导出');
  });
});
