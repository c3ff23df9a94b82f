import type { BulletinDetail } from '@efficacy/api-contract';
import { CliError } from '../lib/errors';
import { bulletinFileName, parseFormats, summaryLines } from './bulletin';

const bulletin = {
  id: 'b1',
  regionCode: '640106',
  regionNameZh: '金凤区',
  period: '2022-01..2022-08',
  title: '金凤区2022年1-8月政务服务运行情况的通报',
  documentNumber: '金审管〔2022〕3号',
  status: 'draft',
  createdBy: 'jinfeng.admin',
  createdAt: '2022-09-13T00:00:00.000Z',
  errata: [],
  formats: [],
  document: {
    figures: [
      {
        indicator: 'offline_evaluation_rate',
        nameZh: '线下参评率',
        display: '98.95%',
        unit: 'percent',
        target: { comparator: '>=', value: 98.5, status: 'met' },
        belowTarget: ['金凤区残疾人联合会', '丰登镇民生服务中心'],
      },
    ],
  },
} as unknown as BulletinDetail;

describe('efficacy bulletin', () => {
  it('names files by region and period, marking drafts', () => {
    expect(bulletinFileName(bulletin, 'docx')).toBe('金凤区-2022-01..2022-08-通报-草稿.docx');
    expect(bulletinFileName({ ...bulletin, status: 'published' }, 'xlsx')).toBe(
      '金凤区-2022-01..2022-08-通报.xlsx',
    );
  });

  it('accepts docx, xlsx and pdf and names an unknown format', () => {
    expect(parseFormats('xlsx, DOCX')).toEqual(['docx', 'xlsx']);
    expect(() => parseFormats('docx,odt')).toThrow(CliError);
    expect(() => parseFormats('docx,odt')).toThrow(/odt is not a format/);
  });

  it('prints the headline figures with their target and the units below it', () => {
    expect(summaryLines(bulletin)).toEqual([
      '金凤区2022年1-8月政务服务运行情况的通报  金审管〔2022〕3号  (draft)',
      '  线下参评率 98.95%  目标 >= 98.5% ✓  低于目标：金凤区残疾人联合会、丰登镇民生服务中心',
    ]);
  });
});

describe('efficacy bulletin without --save', () => {
  const document = {
    ...bulletin.document,
    regionCode: '640106',
    regionNameZh: '金凤区',
    period: '2022-01..2022-08',
    title: '金凤区2022年1-8月政务服务运行情况的通报',
    documentNumber: '【待设置：发文字号前缀】〔2027〕1号',
    missingSettings: ['issuer', 'numberPrefix'],
  } as unknown as BulletinDetail['document'];

  it('marks the files as a preview and says nothing was saved', () => {
    expect(bulletinFileName({ ...document, status: 'preview' }, 'docx')).toBe(
      '金凤区-2022-01..2022-08-通报-预览.docx',
    );
    const lines = summaryLines({ kind: 'preview', document });
    expect(lines[0]).toBe(
      '金凤区2022年1-8月政务服务运行情况的通报  【待设置：发文字号前缀】〔2027〕1号  (preview, not saved: add --save)',
    );
    expect(lines).toContain(
      '  office settings missing (issuer, numberPrefix): publication is refused until PUT /api/bulletins/office/640106 sets them',
    );
  });
});
