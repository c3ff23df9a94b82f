import { JINFENG } from '@efficacy/console/core/testing';
import type { Assessment } from '@efficacy/api-contract';
import { detailRows } from './detail-rows';

/** Yinchuan's assessment as far as the ranking of 金凤区 among its counties goes. */
const YINCHUAN: Assessment = {
  ...JINFENG,
  regionCode: '640100',
  indicators: JINFENG.indicators.map((i) => ({
    ...i,
    children: [{ ...i.region, rank: 1 }],
    ranked: 1,
  })),
};

describe('detailRows', () => {
  it('takes a region’s own row and its rank among the parent’s children', () => {
    const rows = detailRows({ kind: 'region', code: '640106' }, JINFENG, YINCHUAN);
    const rate = rows.find((r) => r.indicator.code === 'offline_evaluation_rate');
    expect(rate?.row.value.display).toBe('98.95');
    expect(rate?.rank).toBe(1);
    expect(rate?.rankedOf).toBe(1);
  });

  it('has no rank for a region whose parent is out of scope', () => {
    const rows = detailRows({ kind: 'region', code: '640106' }, JINFENG, null);
    expect(rows.every((r) => r.rank === undefined)).toBe(true);
  });

  it('picks a department out of its region’s children, with its rank among them', () => {
    const rows = detailRows({ kind: 'unit', id: '640106:spj' }, JINFENG, null);
    const rate = rows.find((r) => r.indicator.code === 'offline_evaluation_rate');
    expect(rate?.row.nameZh).toBe('金凤区审批服务管理局');
    expect(rate?.row.value.display).toBe('98.87');
    expect(rate?.rank).toBe(8);
    expect(rate?.rankedOf).toBe(11);
  });
});
