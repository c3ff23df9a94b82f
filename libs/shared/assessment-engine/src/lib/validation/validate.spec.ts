import {
  createMeasureStore,
  DEMO_REGISTRY,
  MISSING,
  NOT_CONNECTED,
  numberCell,
  regionSubject,
  unitSubject,
  type MeasureObservation,
  type Provenance,
} from '@efficacy/indicator-model';
import { seedContext } from '../../test-support/seed-context';
import { createAssessmentContext } from '../context';
import { validate } from './validate';
import type { Warning } from './warning';

const warnings = validate(seedContext);

function at(w: Warning): string {
  const cell = w.cell;
  return `${cell?.importId} ${cell?.sheet}!${cell?.column ?? ''}${cell?.row ?? cell?.locator ?? ''}`;
}

function find(code: string, cell: string): Warning | undefined {
  return warnings.find((w) => w.code === code && at(w) === cell);
}

describe('validation of the seed imports', () => {
  it('raises exactly the known inconsistencies as warnings or errors, each on its cell', () => {
    const serious = warnings
      .filter((w) => w.severity !== 'info' && w.code !== 'case-volume-sources-agree')
      .map((w) => `${w.code} @ ${at(w)}`);
    expect(serious.sort()).toEqual(
      [
        'reported-total-matches-derived @ seed-xiqu-2022-09 正文!二、4',
        'reported-total-matches-derived @ seed-xiqu-2022-09 正文!一、（二）',
        'reported-total-matches-derived @ seed-xiqu-2022-09 正文!一、（一）',
        'reported-total-matches-derived @ seed-yindu-2023-06 正文!一、总体情况',
        'reported-rate-matches-counts @ seed-jinfeng-2022-01..08 附件2!G11',
        'reported-rate-matches-counts @ seed-yindu-2023-06 附件1!F24',
        'total-equals-rows @ seed-yindu-2023-06 附件6!C33',
      ].sort(),
    );
  });

  it('Xiqu: the text’s 6669 claimed items against 6660 in annex 1', () => {
    expect(find('reported-total-matches-derived', 'seed-xiqu-2022-09 正文!二、4')).toMatchObject({
      subject: regionSubject('510403'),
      measure: 'items.claimed',
      expected: 6660,
      actual: 6669,
      messageZh: '西区已认领事项数在二、4中为6669，各单位明细之和为6660',
    });
  });

  it('Xiqu: the text’s 4288 cases against 4290 in annex 1', () => {
    const warning = find('reported-total-matches-derived', 'seed-xiqu-2022-09 正文!一、（二）');
    expect(warning).toMatchObject({
      measure: 'cases',
      expected: 4290,
      actual: 4288,
      period: '2022-09',
    });
    expect(warning?.related).toHaveLength(35);
  });

  it('Xiqu: the text calls annex 3’s 5331 applications, but 5331 is the consultations column', () => {
    expect(
      find('reported-total-matches-derived', 'seed-xiqu-2022-09 正文!一、（一）'),
    ).toMatchObject({
      measure: 'applications',
      expected: 4904,
      actual: 5331,
      hintsZh: ['该数等于咨询件之和（5331）'],
      hintsEn: ['it equals the sum of consultations (5331)'],
    });
  });

  it('Xiqu: 主动评价率 is kept as reported; where its counts disagree that is information, not an error', () => {
    const county = find('reported-rate-not-derivable', 'seed-xiqu-2022-09 正文!一、（二）');
    expect(county).toMatchObject({ severity: 'info', actual: 97.86, expected: 95.19 });
    expect(find('reported-rate-not-derivable', 'seed-xiqu-2022-09 附件1!Q9')).toMatchObject({
      actual: 95.05,
      expected: 113.81,
    });
    // 区发展改革局 27/28 truncates to the printed 96.42, so nothing is raised for it.
    expect(find('reported-rate-not-derivable', 'seed-xiqu-2022-09 附件1!Q5')).toBeUndefined();
  });

  it('Xiqu: units without cases print an overdue rate of 0.00% where the counts give "-"', () => {
    const rows = warnings.filter((w) => w.code === 'reported-rate-status-differs');
    expect(rows).toHaveLength(11);
    expect(
      rows.every(
        (w) => w.severity === 'info' && w.indicator === 'overdue_rate' && w.cell?.column === 'L',
      ),
    ).toBe(true);
  });

  it('Yindu: the text’s 1645 items against annex 1’s 1644', () => {
    expect(
      find('reported-total-matches-derived', 'seed-yindu-2023-06 正文!一、总体情况'),
    ).toMatchObject({
      measure: 'items',
      expected: 1644,
      actual: 1645,
    });
  });

  it('Yindu: 公安分局’s 44.44% is 64/144, not 64/143', () => {
    expect(find('reported-rate-matches-counts', 'seed-yindu-2023-06 附件1!F24')).toMatchObject({
      subject: unitSubject('410505:gaj'),
      indicator: 'immediate_item_share',
      expected: 44.76,
      actual: 44.44,
      hintsZh: ['分母取144（印刷为143）可得印刷值'],
    });
  });

  it('Yindu: annex 6’s 总计 of 90402 department-reported cases is not the sum of its rows (88300)', () => {
    const warning = find('total-equals-rows', 'seed-yindu-2023-06 附件6!C33');
    expect(warning).toMatchObject({
      severity: 'error',
      measure: 'case_volume.department_report',
      expected: 88300,
      actual: 90402,
    });
    expect(warning?.related).toHaveLength(31);
  });

  it('Yindu: flags annex 6 rows whose three case volumes disagree, on the integrated-window cell', () => {
    const rows = warnings.filter((w) => w.code === 'case-volume-sources-agree');
    expect(rows).toHaveLength(18);
    expect(find('case-volume-sources-agree', 'seed-yindu-2023-06 附件6!E33')).toMatchObject({
      subject: regionSubject('410505'),
      actual: 1816,
      messageZh:
        '同一行的三个办件量口径不一致：部门报送90402、电子监察205762、综窗办理1816，综窗办理量远低于其他口径，疑似“明进暗不进”',
      related: [
        expect.objectContaining({ column: 'C', row: 33 }),
        expect.objectContaining({ column: 'D', row: 33 }),
      ],
    });
    // 退役军人局 (row 26) and 残疾人联合会 (row 32), the two the bulletin names, are among them.
    expect(find('case-volume-sources-agree', 'seed-yindu-2023-06 附件6!E26')?.subject).toEqual(
      unitSubject('410505:tyjrj'),
    );
    expect(find('case-volume-sources-agree', 'seed-yindu-2023-06 附件6!E32')?.subject).toEqual(
      unitSubject('410505:cl'),
    );
    // 文广体旅局 119 / 125 / 122 (row 5) agree.
    expect(find('case-volume-sources-agree', 'seed-yindu-2023-06 附件6!E5')).toBeUndefined();
  });

  it('Jinfeng: 丰登镇’s 96.31% is the truncation of 366/380, the rest of the table rounds half-up', () => {
    expect(
      find('reported-rate-matches-counts', 'seed-jinfeng-2022-01..08 附件2!G11'),
    ).toMatchObject({
      expected: 96.32,
      actual: 96.31,
      hintsEn: ['truncation gives the printed figure'],
    });
  });

  it('narrows to a region and period', () => {
    const yindu = validate(seedContext, { regionCode: '410505', period: '2023-06' });
    expect(yindu.map((w) => w.code).sort()).toEqual([
      'reported-rate-matches-counts',
      'reported-total-matches-derived',
    ]);
    expect(validate(seedContext, { regionCode: '620200' })).toEqual([]);
  });
});

const cell = (row: number, column: string): Provenance => ({
  importId: 'constructed',
  adapterId: 'test',
  adapterVersion: '1',
  file: 'constructed.xlsx',
  sheet: 'Sheet1',
  row,
  column,
});

function figure(
  subject: MeasureObservation['subject'],
  measure: MeasureObservation['measure'],
  value: number,
  row: number,
  column: string,
): MeasureObservation {
  return {
    subject,
    period: '2022-08',
    measure,
    value: numberCell(value),
    provenance: { ...cell(row, column), printed: String(value) },
  };
}

describe('the shipped measure rules', () => {
  const unit = unitSubject('640106:spj');
  const other = unitSubject('640106:cl');
  const context = createAssessmentContext({
    registry: DEMO_REGISTRY,
    store: createMeasureStore([
      {
        importId: 'constructed',
        reported: [],
        observations: [
          figure(unit, 'cases', 100, 2, 'C'),
          figure(unit, 'cases.online', 30, 2, 'D'),
          figure(unit, 'cases.offline', 60, 2, 'E'),
          figure(unit, 'cases.offline.evaluated', 65, 2, 'F'),
          figure(other, 'cases', 10, 3, 'C'),
          figure(other, 'cases.online', 0, 3, 'D'),
          figure(other, 'cases.offline', 10, 3, 'E'),
          {
            subject: other,
            period: '2022-08',
            measure: 'cases.offline.evaluated',
            value: NOT_CONNECTED,
            provenance: cell(3, 'F'),
          },
          figure(regionSubject('640106'), 'cases', 111, 4, 'C'),
          {
            ...figure(unit, 'cases', 101, 7, 'B'),
            provenance: { ...cell(7, 'B'), sheet: 'Sheet2' },
          },
        ],
      },
    ]),
  });
  const found = validate(context);

  it('flags more offline cases evaluated than offline cases, on the evaluated cell', () => {
    expect(found.find((w) => w.code === 'offline-evaluated-le-offline-cases')).toMatchObject({
      subject: unit,
      cell: cell(2, 'F'),
      expected: 60,
      actual: 65,
    });
  });

  it('flags online + offline ≠ cases, on the cases cell', () => {
    const mismatch = found.filter((w) => w.code === 'online-plus-offline-equals-cases');
    expect(mismatch.map((w) => [w.cell?.row, w.expected, w.actual])).toEqual([[2, 90, 100]]);
  });

  it('flags a 合计 row that is not the sum of its rows, and a cell printed twice differently', () => {
    expect(found.find((w) => w.code === 'total-equals-rows')).toMatchObject({
      cell: cell(4, 'C'),
      expected: 110,
      actual: 111,
    });
    expect(found.find((w) => w.code === 'conflicting-values')).toMatchObject({
      subject: unit,
      cell: { sheet: 'Sheet2', row: 7, column: 'B' },
      related: [cell(2, 'C')],
      expected: 100,
      actual: 101,
    });
  });

  it('does not treat "/" as a number that could break a rule', () => {
    expect(found.filter((w) => w.subject.kind === 'unit' && w.subject.id === '640106:cl')).toEqual(
      [],
    );
  });
});

describe('a 合计 row over rows left blank', () => {
  it('is not compared with rows whose counts the table never printed (Jinfeng annex 1)', () => {
    const blank = (id: string, row: number): MeasureObservation => ({
      subject: unitSubject(id),
      period: '2022-08',
      measure: 'items',
      value: MISSING,
      provenance: cell(row, 'C'),
    });
    const context = createAssessmentContext({
      registry: DEMO_REGISTRY,
      store: createMeasureStore([
        {
          importId: 'constructed',
          reported: [],
          observations: [
            blank('640106:spj', 4),
            blank('640106:cl', 5),
            figure(regionSubject('640106'), 'items', 1681, 19, 'C'),
          ],
        },
      ]),
    });
    expect(validate(context).filter((w) => w.code === 'total-equals-rows')).toEqual([]);
  });
});

describe('a total computed from case records', () => {
  it('is not compared with its unit rows: it has no printed text, and unmatched units count in it alone', () => {
    const computed = (subject: MeasureObservation['subject'], value: number) => ({
      subject,
      period: '2023-01',
      measure: 'cases' as const,
      value: numberCell(value),
      provenance: {
        importId: 'cases-import',
        adapterId: 'cases',
        adapterVersion: '1',
        file: 'case_record',
        locator: 'case_record 640106 2023-01',
      },
    });
    const context = createAssessmentContext({
      registry: DEMO_REGISTRY,
      store: createMeasureStore([
        {
          importId: 'cases-import',
          reported: [],
          observations: [
            computed(unitSubject('640106:spj'), 436),
            { ...computed(regionSubject('640106'), 2000), role: 'total' as const },
          ],
        },
      ]),
    });
    expect(
      validate(context).filter(
        (w) => w.code.startsWith('total') || w.code.startsWith('reported-total'),
      ),
    ).toEqual([]);
  });
});
