import { uploadForm } from './imports-api';

describe('uploadForm', () => {
  const file = new File(['x'], 'jinfeng.xlsx');

  it('sends only the file when nothing else is given', () => {
    const form = uploadForm(file, {});
    expect(form.get('file')).toBeInstanceOf(File);
    for (const field of ['adapter', 'reportKind', 'period', 'year', 'region', 'confirmed'])
      expect(form.has(field)).toBe(false);
  });

  it('sends the context and the confirmed names as the API reads them', () => {
    const form = uploadForm(file, {
      adapter: 'ningxia',
      period: '2022-01..2022-08',
      year: 2022,
      region: '640106',
      confirmed: { 审批服务局: '640106:spj' },
    });
    expect(form.get('adapter')).toBe('ningxia');
    expect(form.get('period')).toBe('2022-01..2022-08');
    expect(form.get('year')).toBe('2022');
    expect(form.get('region')).toBe('640106');
    expect(JSON.parse(String(form.get('confirmed')))).toEqual({ 审批服务局: '640106:spj' });
  });
});
