import { parseNoticeLines } from './notice-lines';

describe('notice lines', () => {
  it('reads days, ranges and 调休 working days as the notice lists them', () => {
    const { days, problems } = parseNoticeLines(
      '2027-01-01 放假 元旦\n\n2027-02-06..2027-02-08 放假 春节\n2027-02-20 上班 春节调休上班\n',
    );
    expect(problems).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-07', kind: 'holiday', name: '春节' },
      { date: '2027-02-08', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
    ]);
  });

  it('names each line it cannot read', () => {
    expect(parseNoticeLines('2027-01-01 元旦\n2027-13-01 放假 x').problems).toEqual([
      { line: 1, text: '2027-01-01 元旦' },
      { line: 2, text: '2027-13-01 放假 x' },
    ]);
  });
});
