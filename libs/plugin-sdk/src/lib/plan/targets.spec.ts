import { parseDeadline, parseTarget, splitUnitList } from './targets';

describe('parseTarget', () => {
  it.each([
    ['本年度个人用户年度注册用户数不低于15.75万人。', '>=', 157500, 'count'],
    ['个人用户注册总量不低于25.2万人', '>=', 252000, 'count'],
    ['目标要求年度差评整改率务必达到100%。', '>=', 100, 'percent'],
    ['承诺时限压缩比 ≥ 72%', '>=', 72, 'percent'],
    ['平均跑动次数≤0.03', '<=', 0.03, 'number'],
    ['事项覆盖率40%以上', '>=', 40, 'percent'],
    ['未调用接口占比为0%', '=', 0, 'percent'],
    ['个人注册用户信息完备度不少于80%', '>=', 80, 'percent'],
    ['电子证照种类不少于191种(全国895种)', '>=', 191, 'count'],
    ['超期率不高于1%', '<=', 1, 'percent'],
    ['超期率低于1%', '<', 1, 'percent'],
  ])('reads %j', (text, comparator, value, unit) => {
    expect(parseTarget(text)).toEqual({
      comparator,
      comparatorAssumed: false,
      value,
      unit,
      raw: text.trim(),
    });
  });

  it('assumes a floor when no comparator word is printed', () => {
    expect(parseTarget('评价率100%')).toMatchObject({
      comparator: '>=',
      comparatorAssumed: true,
      value: 100,
    });
  });

  it('returns undefined without a figure', () => {
    expect(parseTarget('持续提升办事指南准确度')).toBeUndefined();
  });
});

describe('parseDeadline', () => {
  it.each([
    ['2022年10月25日前并长期坚持。', {}, '2022-10-25', true],
    ['2022年10月20日前', {}, '2022-10-20', false],
    ['10月20日前', { year: 2022 }, '2022-10-20', false],
    ['2022年底前', {}, '2022-12-31', false],
    ['2022年10月底', {}, '2022-10-31', false],
    ['2022-10-25', {}, '2022-10-25', false],
    ['长期坚持', {}, undefined, true],
  ])('reads %j', (text, options, date, ongoing) => {
    const result = parseDeadline(text, options);
    expect([result.date, result.ongoing]).toEqual([date, ongoing]);
  });

  it('does not invent a date without a year or for an impossible day', () => {
    expect(parseDeadline('10月20日前').date).toBeUndefined();
    expect(parseDeadline('2022年2月30日前').date).toBeUndefined();
  });
});

describe('splitUnitList', () => {
  it('splits on enumeration punctuation only', () => {
    expect(splitUnitList('各街道办事处、郊区工作办公室、市政府各部门、在嘉各单位')).toEqual([
      '各街道办事处',
      '郊区工作办公室',
      '市政府各部门',
      '在嘉各单位',
    ]);
    expect(splitUnitList('人力资源和社会保障局，市场监管局等。')).toEqual([
      '人力资源和社会保障局',
      '市场监管局',
    ]);
  });
});
