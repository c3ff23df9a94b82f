import { Workbook } from 'exceljs';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { provideTestEnvironment, useLanguage, JINFENG } from '@efficacy/console/core/testing';
import { fillAnnexWorkbook, type Translate } from './annex-workbook';
import { detailRows } from '../detail-rows';

describe('the xlsx export in the bulletin annex layout', () => {
  let t: Translate;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTestEnvironment()] });
    useLanguage('zh-CN');
    const translate = TestBed.inject(TranslateService);
    t = (key, params) => translate.instant(key, params) as string;
  });

  function build() {
    const workbook = new Workbook();
    fillAnnexWorkbook(workbook, {
      place: '金凤区2022年1-8月',
      assessment: JINFENG,
      subject: { kind: 'region', code: '640106' },
      rows: detailRows({ kind: 'region', code: '640106' }, JINFENG, null),
      regionNames: new Map([['640100', '银川市']]),
      t,
    });
    return workbook;
  }

  function byName(sheet: ReturnType<Workbook['getWorksheet']>) {
    const rows = new Map<string, unknown[]>();
    sheet?.eachRow((row) => {
      const values = row.values as unknown[];
      rows.set(String(values[2] || values[1]), values);
    });
    return rows;
  }

  it('prints a title, 序号/单位/indicator headers, one row per unit and the 合计 last', () => {
    const annex = build().getWorksheet('附件');
    expect(annex?.getCell('A1').value).toBe('金凤区2022年1-8月政务服务效能指标完成情况');
    expect((annex?.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '单位（部门）',
      '线下参评率（%）',
      '满意度（%）',
    ]);
    const rows = byName(annex);
    expect(rows.get('金凤区审批服务管理局')?.[3]).toBe(98.87);
    expect(rows.get('银川市公安局金凤区分局')?.[3]).toBe('/');
    expect(rows.get('合计')?.[3]).toBe(98.95);
    expect(annex?.getCell(`C${annex.rowCount - 1}`).numFmt).toBe('0.00');
    expect(String(annex?.getCell(`A${annex.rowCount}`).value)).toContain('“/”表示评价系统未联通');
  });

  it('adds the detail sheet with status, target and where the target was set', () => {
    const detail = build().getWorksheet('指标明细');
    const rows = byName(detail);
    const rate = detail?.getRow(3).values as unknown[];
    expect(rate.slice(1, 6)).toEqual(['线下参评率', 98.95, '达标', '≥ 98.5%', '继承自银川市']);
    expect(rows.size).toBeGreaterThan(2);
  });
});
