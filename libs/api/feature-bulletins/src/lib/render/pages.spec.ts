import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BulletinDocument } from '@efficacy/api-contract';
import { createAssessmentContext } from '@efficacy/assessment-engine';
import { DEMO_DATASETS, DEMO_REGISTRY, DEMO_TARGETS } from '@efficacy/indicator-model';
import { composeBulletin } from '../composition/compose';
import { DEFAULT_TEMPLATES } from '../composition/templates';
import { renderChart } from './charts';
import { PAGE, renderDocx } from './docx';
import { PdfUnavailableError, convertDocx, findSoffice } from './pdf';

const run = promisify(execFile);

/**
 * The seed bulletins rendered the way an office prints them (LibreOffice to PDF), then read
 * back page by page with poppler's pdftotext: where the signature lands, whether every annex
 * fits its page, whether the 版记 closes the document.
 */
const context = createAssessmentContext({
  registry: DEMO_REGISTRY,
  datasets: DEMO_DATASETS,
  targets: DEMO_TARGETS,
});
const office = {
  issuer: '{region}审批服务管理局',
  signature: '{region}审批服务管理局',
  numberPrefix: '政务',
  copyTo: '区委办公室，区人大办公室，区政府办公室。',
  printedBy: '{region}审批服务管理局办公室',
};
const SEEDS = [
  {
    label: '金凤区 2022年1-8月',
    regionCode: '640106',
    period: '2022-01..2022-08',
    issued: '2022-09-13',
  },
  { label: '殷都区 2023年6月', regionCode: '410505', period: '2023-06', issued: '2023-07-10' },
  { label: '西区 2022年9月', regionCode: '510403', period: '2022-09', issued: '2022-10-12' },
] as const;

const PT_PER_MM = 72 / 25.4;

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
}
interface Page {
  readonly width: number;
  readonly words: readonly Word[];
  readonly text: string;
}

async function hasPoppler(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v pdftotext']);
    return true;
  } catch {
    return false;
  }
}

/** The PDF's pages: size, words with their horizontal extent, and the page's text lines. */
async function readPages(pdf: Buffer): Promise<Page[]> {
  const dir = await mkdtemp(join(tmpdir(), 'efficacy-pages-'));
  try {
    const file = join(dir, 'bulletin.pdf');
    await writeFile(file, pdf);
    const layout = (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 })).stdout;
    const bbox = (await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 << 20 })).stdout;
    const texts = layout.split('\f');
    return [...bbox.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)].map(
      (m, i) => ({
        width: Number(m[1]),
        words: [
          ...(m[2] ?? '').matchAll(
            /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
          ),
        ].map((w) => ({ text: w[3] ?? '', xMin: Number(w[1]), xMax: Number(w[2]) })),
        text: texts[i] ?? '',
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.each(SEEDS)('the $label bulletin printed to PDF', (seed) => {
  let document: BulletinDocument;
  let pages: Page[] | undefined;

  beforeAll(async () => {
    document = composeBulletin(context, {
      regionCode: seed.regionCode,
      period: seed.period,
      templates: { ...DEFAULT_TEMPLATES, office },
      sequence: 3,
      issueDate: seed.issued,
    });
    const docx = await renderDocx(
      document,
      document.charts.map((c) => renderChart(c)),
    );
    if (!(await findSoffice())) {
      // Without LibreOffice the server answers 503 with this reason; the pages cannot be read.
      await expect(convertDocx(docx, 'pdf')).rejects.toThrow(PdfUnavailableError);
      console.warn('skipped the page checks: LibreOffice (soffice) is not installed');
      return;
    }
    if (!(await hasPoppler())) {
      console.warn('skipped the page checks: poppler-utils (pdftotext) is not installed');
      return;
    }
    pages = await readPages(await convertDocx(docx, 'pdf'));
  }, 300_000);

  it('keeps the 落款 and 成文日期 with the last lines of the body', () => {
    if (!pages) return;
    const date = chineseDate(seed.issued);
    const signed = pages.findIndex((p) => p.text.split('\n').some((l) => squeeze(l) === date));
    expect(signed).toBeGreaterThanOrEqual(0);
    const page = pages[signed] as Page;
    const annexList = document.annexes.map((a) => squeeze(`${a.number}. ${a.title}`));
    const prose = page.text
      .split('\n')
      .map(squeeze)
      .filter((l) => l.length > 0)
      .filter((l) => l !== date && l !== squeeze(document.signature ?? ''))
      .filter((l) => !/^—\d+—$/.test(l))
      .filter((l) => !annexList.some((a) => a.includes(l.replace(/^附件：/, ''))));
    // The page that carries the signature also carries body text, not the signature alone.
    expect(prose.length).toBeGreaterThan(0);
  });

  it('fits every annex inside its page width, numbers on one line', () => {
    if (!pages) return;
    const right = PAGE.rightMm * PT_PER_MM;
    // Annexes start on their own page (附件1 alone on its first line); the body's hanging
    // punctuation may reach into the margin as Word and LibreOffice both allow.
    const first = pages.findIndex((p) => p.text.split('\n').some((l) => squeeze(l) === '附件1'));
    expect(first >= 0 || document.annexes.length === 0).toBe(true);
    for (const page of first >= 0 ? pages.slice(first) : []) {
      for (const word of page.words) {
        expect({ word: word.text, overflows: word.xMax > page.width - right + 3 }).toEqual({
          word: word.text,
          overflows: false,
        });
      }
    }
    const words = new Set(pages.flatMap((p) => p.words.map((w) => w.text)));
    for (const annex of document.annexes) {
      for (const row of annex.rows) {
        row.cells.forEach((cell, c) => {
          if (annex.columns[c]?.kind !== 'count' || cell.value === undefined) return;
          // 42166 broken over two lines would read as 4216 and 6.
          expect({ annex: annex.title, cell: cell.text, whole: words.has(cell.text) }).toEqual({
            annex: annex.title,
            cell: cell.text,
            whole: true,
          });
        });
      }
    }
  });

  it('sets wide annexes on landscape pages', () => {
    if (!pages) return;
    const landscape = pages.filter((p) => p.width > 800).length;
    const wide = document.annexes.filter((a) => a.columns.length > 6).length;
    expect(landscape >= wide).toBe(true);
  });

  it('ends with the 版记: 抄送, 印发机关 and 印发日期', () => {
    if (!pages) return;
    const last = squeeze(pages.at(-1)?.text ?? '');
    expect(last).toContain(squeeze(`抄送：${document.imprint?.copyTo ?? ''}`));
    expect(last).toContain(squeeze(document.imprint?.printedBy ?? '?'));
    expect(last).toContain(`${chineseDate(seed.issued)}印发`);
  });
});
