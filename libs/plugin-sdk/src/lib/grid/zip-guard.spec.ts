import { AdapterError } from '../contract/errors';
import { resolveLimits } from '../contract/adapter';
import { buildXlsx } from '../testing/workbook-builder';
import { buildZip, buildZipBomb } from '../testing/zip-writer';
import { readGrid } from './read-grid';
import { guardXlsxZip, listZipEntries } from './zip-guard';

const limits = resolveLimits();

async function refusal(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('guardXlsxZip', () => {
  it('lets a real workbook through and lists its entries', async () => {
    const bytes = await buildXlsx([{ name: 'S', rows: [['a', 1]] }]);
    const names = guardXlsxZip(bytes, 'ok.xlsx', limits).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
  });

  it('refuses a zip whose entries declare more than the decompressed limit', async () => {
    // 4 MiB of zeros deflates to a few KiB: a small file, a large inflation.
    const bomb = buildZipBomb({ inflatedBytes: 4 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(20_000);
    const error = await refusal(
      readGrid(
        { name: 'bomb.xlsx', bytes: bomb },
        { limits: { maxUncompressedBytes: 1024 * 1024 } },
      ),
    );
    expect(error.code).toBe('ZIP_BOMB');
    expect(error.message).toBe(
      'bomb.xlsx: the xlsx would decompress to 4.0 MiB, more than the limit of 1.0 MiB',
    );
  });

  it('catches an entry that lies about its size by inflating with a hard cap', () => {
    const liar = buildZipBomb({ inflatedBytes: 4 * 1024 * 1024, lie: true });
    expect(listZipEntries(liar, 'liar.xlsx').map((e) => e.uncompressedSize)).toContain(1024);
    expect(() => guardXlsxZip(liar, 'liar.xlsx', limits)).toThrow(
      'liar.xlsx: zip entry "xl/worksheets/sheet1.xml" inflates beyond its declared size of 1.0 KiB',
    );
  });

  it('reads a ZIP64 size field and refuses an entry declaring 5 GiB', () => {
    const huge = buildZip([
      { name: '[Content_Types].xml', data: new Uint8Array([60]) },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(16), declaredSize: 5 * 1024 ** 3 },
    ]);
    expect(listZipEntries(huge, 'z.xlsx').map((e) => e.uncompressedSize)).toEqual([
      1,
      5 * 1024 ** 3,
    ]);
    expect(() => guardXlsxZip(huge, 'z.xlsx', limits)).toThrow(
      'z.xlsx: the xlsx would decompress to 5120.0 MiB, more than the limit of 200.0 MiB',
    );
  });

  it('refuses a zip with too many entries', () => {
    const many = buildZip(
      Array.from({ length: 30 }, (_v, i) => ({ name: `xl/e${i}.xml`, data: new Uint8Array([1]) })),
    );
    expect(() => guardXlsxZip(many, 'many.xlsx', { ...limits, maxZipEntries: 10 })).toThrow(
      expect.objectContaining({ code: 'ZIP_BOMB' }),
    );
  });

  it('refuses a zip that is not a workbook', () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: new Uint8Array([60]) },
      { name: 'word/document.xml', data: new Uint8Array([60]) },
    ]);
    expect(() => guardXlsxZip(docx, 'a.xlsx', limits)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FILE_TYPE' }),
    );
  });

  it('reports garbage as CORRUPT_FILE, not as a crash', () => {
    expect(() =>
      guardXlsxZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'x.xlsx', limits),
    ).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE' }));
  });
});
