import { MEASURES } from '../measures/catalogue';
import { GANSU_PLAN_INDICATORS, INDICATOR_DEFINITIONS } from './catalogue';
import { describeFormula, formulaMeasures, type IndicatorDefinition } from './definition';
import {
  CatalogueError,
  createIndicatorCatalogue,
  getIndicator,
  INDICATOR_CATALOGUE,
} from './registry';

describe('the indicator catalogue', () => {
  it('covers every indicator of the domain table', () => {
    const domainTable = [
      'item_coverage',
      'offline_evaluation_rate',
      'satisfaction',
      'bad_review_rectification_rate',
      'overdue_rate',
      'on_time_rate',
      'elicence_growth',
      'immediate_item_share',
      'time_limit_compression',
      'contactless_item_share',
      'catalogue_mount_rate',
      'supervision_main_item_coverage',
      'supervision_sub_item_coverage',
      'online_audit_completion_rate',
      'staff_leave_ratio',
      'claim_rate',
      'publish_rate',
      'active_evaluation_rate',
      'case_coverage',
      'visits_per_item',
    ];
    expect(domainTable.filter((code) => !INDICATOR_CATALOGUE.find(code, '2022-08-31'))).toEqual([]);
  });

  it('covers the Gansu plan’s 26 tasks in order, each with an indicator in force in 2022', () => {
    expect(GANSU_PLAN_INDICATORS.map((t) => t.seq)).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
    expect(
      GANSU_PLAN_INDICATORS.filter((t) => !INDICATOR_CATALOGUE.find(t.indicator, '2022-10-25')),
    ).toEqual([]);
  });

  it('has English and Chinese names, a policy quotation and a rounding rule for every indicator', () => {
    for (const definition of INDICATOR_DEFINITIONS) {
      expect(definition.nameZh).toMatch(/\p{Script=Han}/u);
      expect(definition.nameEn).toMatch(/^[\x20-\x7e–’]+$/);
      expect(definition.policy.length).toBeGreaterThan(0);
      expect(['half-up', 'truncate']).toContain(definition.rounding.mode);
    }
  });

  it('only refers to catalogued measures, whose codes are stable snake_case', () => {
    for (const measure of MEASURES) expect(measure.code).toMatch(/^[a-z][a-z_]*(\.[a-z_]+)*$/);
    const codes = new Set<string>(MEASURES.map((m) => m.code));
    for (const definition of INDICATOR_DEFINITIONS) {
      for (const measure of formulaMeasures(definition.formula))
        expect(codes.has(measure)).toBe(true);
    }
  });

  it('writes formulas out for people', () => {
    expect(describeFormula(getIndicator('time_limit_compression', '2023-06-30').formula)).toBe(
      '(1 − 承诺时限合计（工作日） ÷ 法定时限合计（工作日）) × 100',
    );
    expect(
      describeFormula(getIndicator('required_evaluation_rate', '2022-10-25').formula, 'en'),
    ).toBe('evaluations ÷ (2 × offline cases + 3 × online cases) × 100');
    expect(describeFormula(getIndicator('elicence_growth', '2021-12-31').formula)).toBe(
      '(电子证照入库量 ÷ 上年同期电子证照入库量 − 1) × 100',
    );
  });
});

describe('indicator versions', () => {
  const v1 = getIndicator('item_coverage', '2022-08-31');
  const v2: IndicatorDefinition = {
    ...v1,
    version: 2,
    validFrom: '2023-01-01',
    // A hypothetical policy change: items covered only by test cases stop counting.
    formula: {
      kind: 'ratio',
      numerator: [
        { measure: 'items.with_cases' },
        { measure: 'items.covered_by_test_only', weight: -1 },
      ],
      denominator: [{ measure: 'items' }],
      factor: 100,
    },
  };
  const catalogue = createIndicatorCatalogue([{ ...v1, validTo: '2023-01-01' }, v2]);

  it('picks the version in force on a date, and any pinned version for reproducing old figures', () => {
    expect(catalogue.get('item_coverage', '2022-12-31').version).toBe(1);
    expect(catalogue.get('item_coverage', '2023-01-01').version).toBe(2);
    expect(catalogue.get('item_coverage', { version: 1 }).formula).toEqual(v1.formula);
    expect(catalogue.listAsOf('2023-06-30').map((d) => `${d.code} v${d.version}`)).toEqual([
      'item_coverage v2',
    ]);
  });

  it('refuses overlapping versions, unknown measures and unknown codes with clear errors', () => {
    expect(() => createIndicatorCatalogue([v1, v2])).toThrow(
      'item_coverage: v1 and v2 are both in force on some day',
    );
    expect(() =>
      createIndicatorCatalogue([
        { ...v1, formula: { kind: 'sum', terms: [{ measure: 'items.bogus' as never }] } },
      ]),
    ).toThrow('item_coverage v1: unknown measure "items.bogus"');
    expect(() => catalogue.get('nope', '2022-01-01')).toThrow(CatalogueError);
    expect(() => catalogue.get('item_coverage', '2018-01-01')).toThrow(
      'Indicator "item_coverage" has no version in force on 2018-01-01',
    );
  });
});
