import type { CaseRecord } from '@efficacy/indicator-model';
import { copyLine, copyText } from './copy-text';

describe('COPY text lines', () => {
  it('escapes the characters COPY treats as structure, so a unit name cannot break a row', () => {
    expect(copyText('审批局')).toBe('审批局');
    expect(copyText('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
  });

  it('writes one tab-separated line per case with \\N for what is missing', () => {
    const record: CaseRecord = {
      caseId: 'C1',
      itemCode: 'I1',
      itemType: 'approval',
      unit: '审批局',
      regionCode: '640106',
      channel: 'window',
      received: '2022-03-05',
      promisedDays: 0,
      finished: null,
      status: '在办',
      evaluation: null,
      preReview: null,
      isTest: true,
    };
    expect(copyLine(record, 'imp', '2022-03-05').split('\t')).toEqual([
      '2022-03-01',
      '640106',
      'imp',
      'C1',
      'I1',
      'approval',
      '审批局',
      'window',
      '2022-03-05',
      '0',
      '2022-03-05',
      '\\N',
      '在办',
      '\\N',
      '\\N',
      't\n',
    ]);
  });
});
