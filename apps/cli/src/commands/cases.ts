import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { CaseImportSummary, CaseUploadResult } from '@efficacy/api-contract';
import { caseCsvHeader, caseCsvLine, generateCases } from '@efficacy/case-metrics';
import { isPeriod } from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import type { CliSettings } from '../lib/settings';
import { accessToken, apiRequest } from '../lib/session';

interface ImportCasesOptions {
  region: string;
  adapter?: string;
  json?: boolean;
  progress?: boolean;
}

interface GenerateOptions {
  counties: string;
  months: string;
  seed: string;
  out: string;
  start: string;
  perCountyMonth?: string;
}

function positiveInt(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`${flag} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/**
 * The multipart body as a stream read from disk as it is sent, so a file of gigabytes never
 * sits in memory; `onBytes` reports the file bytes sent for the upload bar.
 */
function multipartBody(
  path: string,
  fields: Record<string, string>,
  onBytes: (n: number) => void,
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----efficacy${randomUUID().replace(/-/g, '')}`;
  const head =
    Object.entries(fields)
      .map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(basename(path))}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const iterator = file[Symbol.asyncIterator]();
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(Buffer.from(head, 'utf8'));
        stage = 'file';
        return;
      }
      if (stage === 'file') {
        const next = await iterator.next();
        if (!next.done) {
          onBytes((next.value as Buffer).length);
          controller.enqueue(next.value as Buffer);
          return;
        }
        stage = 'tail';
      }
      if (stage === 'tail') {
        controller.enqueue(Buffer.from(tail, 'utf8'));
        stage = 'done';
        return;
      }
      controller.close();
    },
    cancel() {
      file.destroy();
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadCases(
  settings: CliSettings,
  path: string,
  options: ImportCasesOptions,
  onBytes: (n: number) => void,
): Promise<{ status: number; result: CaseUploadResult }> {
  const { token } = await accessToken(settings);
  const fields: Record<string, string> = { region: options.region };
  if (options.adapter) fields['adapter'] = options.adapter;
  const { body, contentType } = multipartBody(path, fields, onBytes);
  let response: Response;
  try {
    response = await fetch(`${settings.apiUrl}/cases/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    throw new CliError(
      `cannot reach the Efficacy API at ${settings.apiUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw new CliError(
      `POST /cases/imports failed (HTTP ${response.status}): ${parsed?.message ?? text}`,
    );
  return { status: response.status, result: parsed as CaseUploadResult };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function formatRate(n: number | null): string {
  return n === null ? '–' : Math.round(n).toLocaleString('en-US');
}

export function registerCases(program: Command, settings: CliSettings): void {
  const cases = program
    .command('cases')
    .description('case records (办件): import a platform export, generate synthetic ones');

  cases
    .command('import <file>')
    .description(
      'upload a case export (CSV or xlsx) and follow its import: a progress bar with rows/s and ETA',
    )
    .requiredOption('--region <code>', 'the county (or city) the export covers, e.g. 640181')
    .option('--adapter <id>', 'province adapter (ningxia by default)')
    .option('--json', 'print the finished import as JSON')
    .option('--no-progress', 'no progress bar (for logs)')
    .action(async (file: string, options: ImportCasesOptions) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch (error) {
        throw new CliError(
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      const showBar = options.progress !== false && !options.json;
      // One bar per phase: stopping a bar prints its last state, also when the output is a log
      // (there, bars print every few seconds only, and a small upload would show only 0%).
      const newBar = () =>
        new SingleBar(
          {
            format:
              '{phase} [{bar}] {percentage}% | {rows} rows | {rps} rows/s | ETA {eta_formatted}',
            hideCursor: true,
            etaBuffer: 20,
            noTTYOutput: true,
            notTTYSchedule: 5000,
          },
          Presets.shades_classic,
        );
      const uploadBar = newBar();
      let sent = 0;
      if (showBar) uploadBar.start(size, 0, { phase: 'upload ', rows: 0, rps: '–' });
      let uploaded: Awaited<ReturnType<typeof uploadCases>>;
      try {
        uploaded = await uploadCases(settings, file, options, (n) => {
          sent += n;
          if (showBar) uploadBar.update(sent);
        });
      } finally {
        // Stopped on a refusal too: a running bar's timer would keep the process from exiting.
        if (showBar) uploadBar.stop();
      }
      const { result } = uploaded;
      let current: CaseImportSummary = result.import;
      if (result.outcome === 'unchanged') {
        console.error(
          `efficacy: the same file was imported already (import ${current.id}, ${current.status}); nothing changed`,
        );
      } else {
        const importBar = newBar();
        if (showBar) importBar.start(size, 0, { phase: 'import ', rows: 0, rps: '–' });
        try {
          while (current.status === 'queued' || current.status === 'running') {
            await sleep(500);
            current = await apiRequest<CaseImportSummary>(settings, `/cases/imports/${current.id}`);
            if (showBar)
              importBar.update(current.bytesDone, {
                rows: current.rowsDone.toLocaleString('en-US'),
                rps: formatRate(current.rowsPerSecond),
              });
          }
        } finally {
          if (showBar) importBar.stop();
        }
      }
      if (current.status === 'failed') throw new CliError(`the import failed: ${current.error}`);
      if (options.json) {
        console.log(JSON.stringify(current, null, 2));
        return;
      }
      console.log(
        `imported ${current.rowsDone.toLocaleString('en-US')} cases of ${current.fileName} (${formatRate(
          current.rowsPerSecond,
        )} rows/s) into ${current.slots.length} county-month(s), as of ${current.asOf}; import ${current.id}`,
      );
      if (current.unmatchedUnits.length > 0) {
        console.log(
          `${current.unmatchedUnits.length} department name(s) match no registered unit; their cases count in the county total only; add each as an alias of its unit and the county's cases are matched again:`,
        );
        for (const u of current.unmatchedUnits)
          console.log(`  ${u.regionCode}  ${u.name}  ${u.cases.toLocaleString('en-US')} cases`);
      }
    });

  cases
    .command('generate')
    .description(
      'write synthetic cases (Ningxia export layout), seeded and calibrated to the seed bulletins',
    )
    .option('--counties <n>', 'number of counties (Yinchuan’s six first)', '6')
    .option('--months <m>', 'number of months', '12')
    .option('--seed <s>', 'random seed: the same seed writes the same file', '1')
    .option('--start <YYYY-MM>', 'first month', '2022-01')
    .option(
      '--per-county-month <n>',
      'cases per county and month (default: 灵武市’s 349,000 in six months)',
    )
    .requiredOption('--out <file>', 'where to write the CSV')
    .action(async (options: GenerateOptions) => {
      const counties = positiveInt(options.counties, '--counties', 16);
      const months = positiveInt(options.months, '--months', 120);
      const seed = positiveInt(options.seed, '--seed', 2 ** 31 - 1);
      if (!isPeriod(options.start, ['month']))
        throw new CliError(`--start must be a month like 2022-01, got "${options.start}"`);
      const perCountyMonth = options.perCountyMonth
        ? positiveInt(options.perCountyMonth, '--per-county-month', 10_000_000)
        : undefined;
      const out = createWriteStream(options.out);
      out.write(caseCsvHeader());
      let rows = 0;
      let chunk = '';
      for (const record of generateCases({
        counties,
        months,
        seed,
        start: options.start,
        casesPerCountyMonth: perCountyMonth,
      })) {
        chunk += caseCsvLine(record);
        rows += 1;
        if (chunk.length > 1 << 20) {
          if (!out.write(chunk)) await once(out, 'drain');
          chunk = '';
        }
      }
      out.end(chunk);
      await once(out, 'finish');
      console.log(
        `wrote ${rows.toLocaleString('en-US')} cases (${counties} counties × ${months} months, seed ${seed}) to ${options.out}`,
      );
    });
}
