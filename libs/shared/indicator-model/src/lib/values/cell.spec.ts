import { dominantStatus, parseCellText } from './cell';

describe('reading printed cells', () => {
  it('keeps "/" (not connected), "-" (no denominator) and empty (missing) apart from zero', () => {
    expect(parseCellText('/').cell).toEqual({ status: 'not_connected' });
    expect(parseCellText('-').cell).toEqual({ status: 'not_applicable' });
    expect(parseCellText('—').cell).toEqual({ status: 'not_applicable' });
    expect(parseCellText('  ').cell).toEqual({ status: 'missing' });
    expect(parseCellText('0').cell).toEqual({ status: 'number', value: 0 });
  });

  it('reads rates in percent points with the printed number of decimals', () => {
    expect(parseCellText('98.87')).toEqual({
      cell: { status: 'number', value: 98.87 },
      digits: 2,
      percent: false,
    });
    expect(parseCellText('100.00%')).toEqual({
      cell: { status: 'number', value: 100 },
      digits: 2,
      percent: true,
    });
    expect(parseCellText('100%')).toEqual({
      cell: { status: 'number', value: 100 },
      digits: 0,
      percent: true,
    });
  });

  it('reads thousands separators, full-width digits and 万', () => {
    expect(parseCellText('1,681').cell).toEqual({ status: 'number', value: 1681 });
    expect(parseCellText('４７９０３').cell).toEqual({ status: 'number', value: 47903 });
    expect(parseCellText('34.9万').cell).toEqual({ status: 'number', value: 349000 });
    expect(parseCellText('4.32万').cell).toEqual({ status: 'number', value: 43200 });
  });

  it('refuses text that is not a figure', () => {
    expect(() => parseCellText('约100')).toThrow('Cannot read cell text "约100"');
  });

  it('lets "not connected" win over "no denominator" and "missing" when inputs combine', () => {
    expect(dominantStatus(['number', 'missing', 'not_applicable'])).toBe('not_applicable');
    expect(dominantStatus(['not_applicable', 'not_connected'])).toBe('not_connected');
    expect(dominantStatus(['number'])).toBe('missing');
  });
});
