import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../lib/errors';
import type { CliSettings } from '../lib/settings';
import { apiRequest } from '../lib/session';

interface ImportOptions {
  adapter?: string;
  period?: string;
  year?: string;
  region?: string;
  confirm: string[];
  dryRun?: boolean;
  json?: boolean;
}

interface ImportSummary {
  id: string;
  fileName: string;
  adapter: string;
  reportKind: string;
  period: string;
  regionCode: string;
  status: string;
  supersedes: string | null;
  counts: Record<string, number>;
}

interface CommitResult {
  outcome: 'created' | 'unchanged' | 'replaced';
  import: ImportSummary;
}

interface PreviewResult {
  adapter: { adapter: string; version: string; confidence: number | null };
  reportKind: string;
  period: string;
  region: { code: string; nameZh: string | null };
  unresolved: Array<{
    name: string;
    candidates?: Array<{ unitId: string; nameZh: string; score: number }>;
  }>;
  warnings: Array<{ code: string; message: string }>;
  existing: { sameFile: string | null; replaces: string | null };
}

function form(path: string, options: ImportOptions): FormData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)]), basename(path));
  if (options.adapter) body.append('adapter', options.adapter);
  if (options.period) body.append('period', options.period);
  if (options.year) body.append('year', options.year);
  if (options.region) body.append('region', options.region);
  if (options.confirm.length > 0) {
    const confirmed: Record<string, string> = {};
    for (const pair of options.confirm) {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new CliError(`--confirm takes "<printed name>=<unit id>", got "${pair}"`);
      confirmed[pair.slice(0, at)] = pair.slice(at + 1);
    }
    body.append('confirmed', JSON.stringify(confirmed));
  }
  return body;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerImport(program: Command, settings: CliSettings): void {
  program
    .command('import <file>')
    .description(
      'import a statistics export through the API as the logged-in user (one transaction; the same file twice changes nothing)',
    )
    .option('--adapter <id>', 'use this adapter instead of detecting one')
    .option('--period <period>', 'period when the file states none (e.g. 2023-06)')
    .option('--year <year>', 'year when the title names only a month')
    .option('--region <code>', 'region code when the file names none')
    .option(
      '--confirm <name=unitId>',
      'confirm a unit the preview could only suggest (repeatable; saved as an alias)',
      collect,
      [],
    )
    .option('--dry-run', 'preview only: show what would be written')
    .option('--json', 'print JSON')
    .action(async (path: string, options: ImportOptions) => {
      if (options.dryRun) {
        const preview = await apiRequest<PreviewResult>(settings, '/imports/preview', {
          method: 'POST',
          body: form(path, options),
        });
        if (options.json) {
          console.log(JSON.stringify(preview, null, 2));
          return;
        }
        console.log(
          `${basename(path)}: ${preview.adapter.adapter} ${preview.adapter.version} · ${preview.reportKind} · ${preview.region.nameZh ?? ''} ${preview.region.code} · ${preview.period}`,
        );
        if (preview.existing.sameFile)
          console.log(
            `already imported as ${preview.existing.sameFile}: importing again changes nothing`,
          );
        if (preview.existing.replaces)
          console.log(`would replace import ${preview.existing.replaces}`);
        for (const n of preview.unresolved) {
          console.log(
            `unmatched unit "${n.name}"${n.candidates?.length ? `; candidates: ${n.candidates.map((c) => `${c.nameZh} (${c.unitId})`).join(', ')}` : ''}`,
          );
        }
        for (const w of preview.warnings) console.log(`warning ${w.code}: ${w.message}`);
        return;
      }
      const result = await apiRequest<CommitResult>(settings, '/imports', {
        method: 'POST',
        body: form(path, options),
      });
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const i = result.import;
      const what = {
        created: 'imported',
        unchanged: 'already imported, nothing changed',
        replaced: `imported, replacing ${i.supersedes}`,
      }[result.outcome];
      console.log(`${i.fileName}: ${what}`);
      console.log(
        `  import ${i.id} · ${i.adapter} ${i.reportKind} · region ${i.regionCode} · ${i.period}`,
      );
      console.log(
        `  ${Object.entries(i.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      );
    });
}
