import { findPeriod } from './period-phrases';

describe('findPeriod', () => {
  it.each([
    ['金凤区2022年1-8月政务服务系统各单位“好差评”情况', {}, '2022-01..2022-08'],
    ['金凤区 1-8 月政务服务运行情况的通报', { year: 2022 }, '2022-01..2022-08'],
    ['1—8月', { year: 2022 }, '2022-01..2022-08'],
    ['1－8月', { year: 2022 }, '2022-01..2022-08'],
    ['2022年1月至8月', {}, '2022-01..2022-08'],
    ['2021年12月-2022年2月', {}, '2021-12..2022-02'],
    ['截至6月30日', { year: 2023 }, '2023-01..2023-06'],
    ['截止8月底', { year: 2022 }, '2022-01..2022-08'],
    ['截至8月底', { year: 2022 }, '2022-01..2022-08'],
    ['现将截至2023年6月份（统计数据截止2023年6月30日）', {}, '2023-01..2023-06'],
    ['2023年6月', {}, '2023-06'],
    ['填报时间：2023 年 6 月', {}, '2023-06'],
    ['殷都区政务服务能力提升工作 6月份运行情况通报', { year: 2023 }, '2023-06'],
    ['9月份', { year: 2022 }, '2022-09'],
    ['9月西区街道(镇)、社区(村)便民服务中心办件情况统计表', { year: 2022 }, '2022-09'],
    ['十二月', { year: 2022 }, '2022-12'],
    ['上半年', { year: 2022 }, '2022-H1'],
    ['灵武市政务服务2022年上半年运行分析情况的通报', {}, '2022-H1'],
    ['2022年下半年', {}, '2022-H2'],
    ['第三季度', { year: 2022 }, '2022-Q3'],
    ['2022年第一季度', {}, '2022-Q1'],
    ['二〇二二年三季度', {}, '2022-Q3'],
    ['2022Q4', {}, '2022-Q4'],
    ['2022年度', {}, '2022'],
    ['2022-01..2022-08', {}, '2022-01..2022-08'],
  ])('reads %j', (text, options, period) => {
    const result = findPeriod(text, options);
    expect(result.found && result.match.period).toBe(period);
  });

  it('prefers the year in the phrase, then elsewhere in the text, then the context', () => {
    const phrase = findPeriod('2022年1-8月', { year: 2021 });
    expect(phrase.found && phrase.match.yearSource).toBe('phrase');
    const text = findPeriod('2022年金凤区1-8月', { year: 2021 });
    expect(text.found && [text.match.period, text.match.yearSource]).toEqual([
      '2022-01..2022-08',
      'text',
    ]);
    const context = findPeriod('1-8月', { year: 2021 });
    expect(context.found && [context.match.period, context.match.yearSource]).toEqual([
      '2021-01..2021-08',
      'context',
    ]);
  });

  it('flags a cut-off inside a month', () => {
    const result = findPeriod('截至2023年6月15日');
    expect(result.found && result.match).toEqual({
      period: '2023-01..2023-06',
      kind: 'to-date',
      matched: '截至2023年6月15日',
      yearSource: 'phrase',
      partialMonth: true,
    });
  });

  it('reports a phrase without a year', () => {
    expect(findPeriod('1-8月')).toEqual({ found: false, reason: 'no-year', phrase: '1-8月' });
    expect(findPeriod('各单位好差评情况')).toEqual({ found: false, reason: 'none' });
  });

  it('does not read an impossible month', () => {
    expect(findPeriod('13月', { year: 2022 }).found).toBe(false);
    expect(findPeriod('8-1月', { year: 2022 })).toMatchObject({
      found: true,
      match: { kind: 'month' },
    });
  });
});
