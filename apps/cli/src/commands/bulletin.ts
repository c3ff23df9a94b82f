import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { BulletinDetail, BulletinDocument, BulletinFormat } from '@efficacy/api-contract';
import { normalisePeriod, PeriodError } from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import { accessToken, apiRequest } from '../lib/session';
import type { CliSettings } from '../lib/settings';

interface BulletinOptions {
  region: string;
  period: string;
  out: string;
  formats: string;
  save?: boolean;
  draft?: boolean;
  publish?: boolean;
  json?: boolean;
}

/** What the command works on: a saved draft or bulletin, or a preview nobody saved. */
export type BulletinTarget =
  | { readonly kind: 'saved'; readonly bulletin: BulletinDetail }
  | { readonly kind: 'preview'; readonly document: BulletinDocument };

const FORMATS: readonly BulletinFormat[] = ['docx', 'xlsx', 'pdf'];

/** The formats asked for, in a fixed order; an unknown one is named. */
export function parseFormats(text: string): BulletinFormat[] {
  const asked = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f.length > 0);
  const unknown = asked.filter((f) => !FORMATS.includes(f as BulletinFormat));
  if (unknown.length > 0 || asked.length === 0) {
    throw new CliError(
      `--formats: ${unknown.join(', ') || '(none)'} is not a format; use docx, xlsx and/or pdf`,
    );
  }
  return FORMATS.filter((f) => asked.includes(f));
}

/** A file name that works on every file system: 金凤区-2022-01..2022-08-通报.docx */
export function bulletinFileName(
  bulletin: Pick<BulletinDetail, 'regionNameZh' | 'period'> & {
    readonly status: BulletinDetail['status'] | 'preview';
  },
  format: BulletinFormat,
): string {
  const status =
    bulletin.status === 'published' ? '' : bulletin.status === 'preview' ? '-预览' : '-草稿';
  return `${bulletin.regionNameZh}-${bulletin.period}-通报${status}.${format}`.replace(
    /[\\/:*?"<>|\s]/g,
    '_',
  );
}

/** The headline lines printed after the files: figure, target status and units below it. */
export function summaryLines(target: BulletinDetail | BulletinTarget): string[] {
  const t: BulletinTarget =
    'kind' in target && (target.kind === 'saved' || target.kind === 'preview')
      ? target
      : { kind: 'saved', bulletin: target as BulletinDetail };
  const document = t.kind === 'saved' ? t.bulletin.document : t.document;
  const status = t.kind === 'saved' ? t.bulletin.status : 'preview, not saved: add --save';
  const number = t.kind === 'saved' ? t.bulletin.documentNumber : document.documentNumber;
  const title = t.kind === 'saved' ? t.bulletin.title : document.title;
  const lines = [`${title}  ${number}  (${status})`];
  for (const f of document.figures) {
    const target = f.target
      ? `  目标 ${f.target.comparator} ${f.target.value ?? ''}${f.unit === 'percent' ? '%' : ''} ${f.target.status === 'met' ? '✓' : '✗'}`
      : '';
    const below = f.belowTarget.length > 0 ? `  低于目标：${f.belowTarget.join('、')}` : '';
    lines.push(`  ${f.nameZh} ${f.display}${target}${below}`);
  }
  if (document.missingSettings && document.missingSettings.length > 0) {
    lines.push(
      `  office settings missing (${document.missingSettings.join(', ')}): publication is refused until PUT /api/bulletins/office/${document.regionCode} sets them`,
    );
  }
  for (const omission of document.omissions ?? [])
    lines.push(`  not in this bulletin: ${omission}`);
  return lines;
}

async function download(
  settings: CliSettings,
  target: BulletinTarget,
  format: BulletinFormat,
): Promise<Buffer> {
  const { token } = await accessToken(settings);
  let response: Response;
  try {
    response =
      target.kind === 'saved'
        ? await fetch(`${settings.apiUrl}/bulletins/${target.bulletin.id}/files/${format}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        : await fetch(`${settings.apiUrl}/bulletins/preview/files/${format}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              region: target.document.regionCode,
              period: target.document.period,
            }),
          });
  } catch (error) {
    throw new CliError(
      `cannot reach the Efficacy API at ${settings.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: print the text as is
    }
    throw new CliError(`download of the ${format} failed (HTTP ${response.status}): ${message}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

export function registerBulletin(program: Command, settings: CliSettings): void {
  program
    .command('bulletin')
    .description(
      'compose the bulletin (通报) of a region and period from the figures and write its files',
    )
    .requiredOption('--region <code>', 'region code, e.g. 640106')
    .requiredOption('--period <period>', 'period: 2023-06, 2022-H1 or 2022-01..2022-08')
    .requiredOption('--out <dir>', 'directory to write the files into (created if missing)')
    .option(
      '--formats <list>',
      'comma-separated: docx, xlsx, pdf (pdf needs LibreOffice on the server)',
      'docx,xlsx',
    )
    .option('--save', 'save the bulletin as a draft (without it, nothing is saved)')
    .option('--draft', 'the same as --save')
    .option('--publish', 'save and publish (city administrators): numbers and freezes it')
    .option('--json', 'print the bulletin as JSON instead of the summary')
    .action(async (options: BulletinOptions) => {
      let period: string;
      try {
        period = normalisePeriod(options.period);
      } catch (error) {
        if (error instanceof PeriodError) throw new CliError(error.message);
        throw error;
      }
      const formats = parseFormats(options.formats);
      const post = <T>(path: string, body: unknown) =>
        apiRequest<T>(settings, path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const body = { region: options.region, period };
      let target: BulletinTarget;
      if (options.save || options.draft || options.publish) {
        let bulletin = await post<BulletinDetail>('/bulletins', body);
        if (options.publish) {
          bulletin = await post<BulletinDetail>(`/bulletins/${bulletin.id}/publish`, {});
        }
        target = { kind: 'saved', bulletin };
      } else {
        target = {
          kind: 'preview',
          document: await post<BulletinDocument>('/bulletins/preview', body),
        };
      }
      const dir = resolve(options.out);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw new CliError(
          `cannot create ${dir}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const written: string[] = [];
      const named =
        target.kind === 'saved'
          ? target.bulletin
          : { ...target.document, status: 'preview' as const };
      for (const format of formats) {
        const path = join(dir, bulletinFileName(named, format));
        writeFileSync(path, await download(settings, target, format));
        written.push(path);
      }
      if (options.json) {
        const json =
          target.kind === 'saved'
            ? { ...target.bulletin, files: written }
            : { status: 'preview', document: target.document, files: written };
        console.log(JSON.stringify(json, null, 2));
        return;
      }
      for (const line of summaryLines(target)) console.log(line);
      for (const path of written) console.log(`wrote ${path}`);
    });
}
