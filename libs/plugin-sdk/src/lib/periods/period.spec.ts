import { AdapterError } from '../contract/errors';
import {
  findPeriod,
  isPeriod,
  parsePeriodPhrase,
  periodSpan,
  resolvePeriod,
  samePeriodSpan,
  yearToDate,
} from './period';

const at = { file: 'a.xlsx', sheet: '附件1', row: 1, column: 'A', columnIndex: 1 };

describe('the notation re-exported from the shared model', () => {
  it('is the same module the API and the console use', () => {
    expect(isPeriod('2022-Q3')).toBe(true);
    expect(isPeriod('2022-q3')).toBe(false);
    expect(periodSpan('2022-H2')).toEqual({ start: '2022-07', end: '2022-12' });
    expect(samePeriodSpan('2022-H1', '2022-01..2022-06')).toBe(true);
    expect(yearToDate('2022-Q3')).toBe('2022-01..2022-09');
    expect(findPeriod('1-8月', { year: 2022 })).toMatchObject({ found: true });
  });
});

describe('parsePeriodPhrase', () => {
  it('throws PERIOD_NOT_FOUND with the location and the text', () => {
    expect(() => parsePeriodPhrase('各单位好差评情况', { location: at })).toThrow(
      'a.xlsx, sheet "附件1", row 1, column A: no reporting period (such as "1-8月", "2023年6月", "上半年", "第三季度") found in "各单位好差评情况", and none was given with the upload',
    );
    expect(() => parsePeriodPhrase('1-8月好差评', { location: at })).toThrow(
      '"1-8月" in "1-8月好差评" names no year, and none was given with the upload',
    );
  });
});

describe('resolvePeriod', () => {
  const candidates = [
    { text: '附件2：', location: { ...at, row: 1 } },
    { text: '金凤区1-8月政务服务系统各单位“好差评”情况', location: { ...at, row: 2 } },
  ];

  it('takes the period from the file and completes the year from the context', () => {
    expect(resolvePeriod(candidates, { year: 2022 }, at)).toMatchObject({
      period: '2022-01..2022-08',
      source: 'file',
      location: { row: 2 },
    });
    expect(resolvePeriod(candidates, { period: '2022-08' }, at)).toMatchObject({
      period: '2022-01..2022-08',
    });
  });

  it('falls back to the context period when the file has none', () => {
    expect(resolvePeriod([{ text: '附件2', location: at }], { period: '2022-Q3' }, at)).toEqual({
      period: '2022-Q3',
      source: 'context',
    });
  });

  it('explains a missing year at the row that had the phrase', () => {
    let caught: unknown;
    try {
      resolvePeriod(candidates, {}, at);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AdapterError);
    expect((caught as AdapterError).code).toBe('PERIOD_NOT_FOUND');
    expect((caught as AdapterError).location.row).toBe(2);
  });

  it('refuses a malformed context period', () => {
    expect(() => resolvePeriod(candidates, { period: '2022/08' }, at)).toThrow(
      /not period notation/,
    );
  });
});
