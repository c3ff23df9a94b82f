import { AdapterError, formatLocation, isAdapterError, locationTexts } from './errors';
import { assertReportKind, validateManifest } from './manifest';
import type { AdapterManifest } from './manifest';

describe('AdapterError', () => {
  it('names file, sheet, row and column in words', () => {
    const error = new AdapterError('BAD_NUMBER', '"12O09" is not a number', {
      file: '金凤区-好差评.xlsx',
      sheet: '附件2',
      row: 7,
      column: 'E',
      columnIndex: 5,
      header: '线下评价数',
    });
    expect(error.message).toBe(
      '金凤区-好差评.xlsx, sheet "附件2", row 7, column E (线下评价数): "12O09" is not a number',
    );
    expect(error).toBeInstanceOf(Error);
    expect(isAdapterError(error)).toBe(true);
    expect(error.name).toBe('AdapterError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'BAD_NUMBER',
      message: error.message,
      location: {
        file: '金凤区-好差评.xlsx',
        sheet: '附件2',
        row: 7,
        column: 'E',
        columnIndex: 5,
        header: '线下评价数',
      },
    });
  });

  it('names only what it knows', () => {
    expect(formatLocation({ file: 'a.xlsx' })).toBe('a.xlsx');
    expect(formatLocation({ file: 'a.csv', sheet: 'a', row: 3 })).toBe('a.csv, sheet "a", row 3');
    expect(locationTexts({ file: 'a.csv', sheet: 'a', row: 3, column: 'B' })).toEqual([
      'a.csv',
      'sheet "a"',
      'row 3',
      'column B',
    ]);
  });
});

describe('validateManifest', () => {
  const manifest: AdapterManifest = {
    id: 'ningxia',
    province: { code: '640000', name: { zh: '宁夏回族自治区', en: 'Ningxia' } },
    version: '1.0.0',
    fileTypes: ['xlsx', 'csv'],
    reportKinds: [
      {
        id: 'good-bad-review',
        name: { zh: '好差评情况', en: 'Good/bad reviews' },
        coverage: [{ edition: '金凤区通报附件2', from: '2022-01', to: '2022-08' }],
        fileTypes: ['xlsx', 'csv'],
      },
    ],
  };

  it('accepts a valid manifest', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('refuses an explicit report kind the adapter does not read', () => {
    expect(() => assertReportKind(manifest, 'good-bad-review', 'a.xlsx')).not.toThrow();
    expect(() => assertReportKind(manifest, 'coverage', 'a.xlsx')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_REPORT_KIND',
        message:
          'a.xlsx: adapter ningxia has no report kind "coverage" (it reads: good-bad-review)',
      }),
    );
  });

  it('lists each problem', () => {
    expect(
      validateManifest({
        ...manifest,
        id: 'Ningxia',
        version: '1.0',
        province: { code: '640100', name: { zh: '宁夏', en: '' } },
        reportKinds: [
          {
            ...(manifest.reportKinds[0] as AdapterManifest['reportKinds'][number]),
            coverage: [{ from: '2022/01' }],
            fileTypes: ['xlsx'],
          },
          {
            ...(manifest.reportKinds[0] as AdapterManifest['reportKinds'][number]),
            fileTypes: ['csv'],
          },
        ],
        fileTypes: ['xlsx'],
      }),
    ).toEqual([
      'id "Ningxia" is not kebab-case',
      'province code "640100" is not a GB/T 2260 province code',
      'province name needs both zh and en',
      'version "1.0" is not semver',
      'report kind "good-bad-review" coverage "2022/01" is not period notation',
      'report kind id "good-bad-review" is duplicated',
      'report kind "good-bad-review" reads "csv" which the manifest does not list',
    ]);
  });
});
