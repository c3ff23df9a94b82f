import { openRequest, readPrefill, suggestedTitle } from './task-prefill';

describe('new task prefill', () => {
  it("reads the supervision page's indicator link exactly", () => {
    const p = readPrefill({
      source: 'indicator',
      indicator: 'offline_evaluation_rate',
      unit: '640106:cl',
      region: '640106',
      period: '2022-01..2022-08',
    });
    expect(p).toEqual({
      source: 'indicator',
      indicator: 'offline_evaluation_rate',
      unit: '640106:cl',
      region: '640106',
      period: '2022-01..2022-08',
      title: '',
      detail: '',
    });
    expect(suggestedTitle(p, { unit: '金凤区残疾人联合会', indicator: '线下参评率' })).toBe(
      '金凤区残疾人联合会「线下参评率」未达标整改',
    );
  });

  it('reads a discrepancy link with its title and detail, and treats an unknown source as free text', () => {
    const p = readPrefill({
      source: 'discrepancy',
      region: '640106',
      title: '丰登镇好评率与计数不符',
      detail: '印 96.31，算 96.32',
    });
    expect([p.source, p.title, p.detail, p.indicator]).toEqual([
      'discrepancy',
      '丰登镇好评率与计数不符',
      '印 96.31，算 96.32',
      null,
    ]);
    expect(readPrefill({ source: 'rm -rf' }).source).toBe('free');
  });

  it("hands a region's shortfall to a lead unit, keeping the region as the figure's subject", () => {
    const p = readPrefill({
      source: 'indicator',
      indicator: 'item_coverage',
      region: '640106',
      period: '2022-01..2022-08',
    });
    const request = openRequest(p, {
      title: ' 事项覆盖率整改 ',
      detail: '',
      leadUnitId: '640106:spj',
      coUnitIds: ['640106:spj', '640106:zwfw'],
      workingDays: 10,
    });
    expect(request).toEqual({
      source: 'indicator',
      title: '事项覆盖率整改',
      detail: '',
      leadUnitId: '640106:spj',
      coUnitIds: ['640106:zwfw'],
      workingDays: 10,
      indicator: 'item_coverage',
      period: '2022-01..2022-08',
      subjectRegion: '640106',
    });
  });
});
