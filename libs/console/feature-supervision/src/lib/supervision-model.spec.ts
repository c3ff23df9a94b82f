import { JINFENG } from '@efficacy/console/core/testing';
import type { Assessment } from '@efficacy/api-contract';
import {
  cityBelowTarget,
  countiesOf,
  groupOf,
  subjectNames,
  supervisionModel,
} from './supervision-model';
import { JINFENG_WITH_FINDINGS } from './supervision-fixtures';

const UNITS = [
  { id: '640106:yczmj', nameZh: '区烟草专卖局' },
  { id: '640106:tyjr', nameZh: '区退役军人事务局' },
  { id: '640106:fengdeng-mszx', nameZh: '丰登镇民生服务中心' },
];

describe('supervisionModel', () => {
  const model = (a = JINFENG_WITH_FINDINGS) =>
    supervisionModel(a, subjectNames(a, new Map([['640106', '金凤区']]), UNITS), 'zh-CN');

  it('lists every child below a target, missed before close, each with an indicator task', () => {
    const below = model().belowTarget;
    expect(below.length).toBeGreaterThan(0);
    const firstClose = below.findIndex((b) => b.status === 'close');
    const lastMissed = below.map((b) => b.status).lastIndexOf('missed');
    expect(firstClose === -1 || lastMissed < firstClose).toBe(true);
    const cl = below.find((b) => b.key === 'offline_evaluation_rate:unit:640106:cl');
    expect(cl?.status).toBe('missed');
    expect(cl?.task).toEqual({
      source: 'indicator',
      indicator: 'offline_evaluation_rate',
      unit: '640106:cl',
      region: '640106',
      period: '2022-01..2022-08',
    });
    const township = below.find((b) => b.row.subject.kind === 'region');
    expect(township?.task).toEqual(
      expect.objectContaining({
        source: 'indicator',
        region: township?.row.subject['code' as never],
      }),
    );
    expect(township?.task['unit']).toBeUndefined();
  });

  it('sorts signals into zero cases, discrepancies (incl. 明进暗不进) and test-case gaming', () => {
    const m = model();
    expect(m.zeroCase.map((f) => f.kind)).toEqual(['zero-case-items', 'zero-case-unit']);
    expect(m.zeroCase[1].subjectName).toBe('区烟草专卖局');
    expect(m.gaming.map((f) => f.kind)).toEqual(['test-case-only-items']);
    expect(m.discrepancies.map((f) => f.code)).toEqual([
      'case-volume-sources-disagree',
      'reported-rate-matches-counts',
    ]);
  });

  it('prefills a discrepancy task with the message and the cell it was read from', () => {
    const rate = model().discrepancies[1];
    expect(rate.subjectName).toBe('丰登镇民生服务中心');
    expect(rate.hints).toEqual(['按截断而非四舍五入']);
    expect(rate.task).toEqual({
      source: 'discrepancy',
      unit: '640106:fengdeng-mszx',
      region: '640106',
      period: '2022-01..2022-08',
      title: '数据核实：丰登镇民生服务中心',
      detail:
        '丰登镇民生服务中心印刷的参评率96.31%与366/380=96.32%不一致（jinfeng-2022-01to08-annex2-haochaping.xlsx 附件2 第21行 F列）',
    });
  });

  it('prefills a free-text task for zero cases and gaming, naming the signal', () => {
    const m = model();
    expect(m.gaming[0].task).toEqual(
      expect.objectContaining({
        source: 'free',
        unit: '640106:spj',
        title: '审批局有3项事项仅靠“测试件”计为有办件',
      }),
    );
  });

  it('has nothing to show when the period has no findings', () => {
    const m = model(JINFENG);
    expect([m.zeroCase, m.discrepancies, m.gaming].map((l) => l.length)).toEqual([0, 0, 0]);
  });
});

describe('the city view of laggards', () => {
  const names = (a: Assessment) => subjectNames(a, new Map(), []);

  it('tells departments, townships and streets, centres and sub-regions apart', () => {
    expect(groupOf('department')).toBe('department');
    expect(groupOf('township')).toBe('township');
    expect(groupOf('service-centre')).toBe('centre');
    expect(groupOf('hall-window')).toBe('centre');
    expect(groupOf('county')).toBe('region');
  });

  it("adds each county's departments to the city's list, worst first, each with its county", () => {
    const city: Assessment = {
      ...JINFENG,
      regionCode: '640100',
      regionNameZh: '银川市',
      regionNameEn: 'Yinchuan',
      indicators: JINFENG.indicators.map((i) => ({
        ...i,
        children: [{ ...i.region, kind: 'county', subject: { kind: 'region', code: '640106' } }],
      })),
    };
    expect(countiesOf(city)).toEqual(['640106']);
    const own = supervisionModel(city, names(city), 'zh-CN').belowTarget;
    const merged = cityBelowTarget(own, [JINFENG]);
    const fromCounty = merged.filter((i) => i.regionCode === '640106');
    expect(fromCounty.some((i) => i.group === 'department')).toBe(true);
    expect(fromCounty.some((i) => i.group === 'township')).toBe(true);
    expect(fromCounty.every((i) => i.regionNameZh === '金凤区')).toBe(true);
    // Worst first across the city and its counties: every missed row before any close one.
    const statuses = merged.map((i) => i.status);
    const firstClose = statuses.indexOf('close');
    expect(firstClose === -1 || statuses.lastIndexOf('missed') < firstClose).toBe(true);
  });
});
