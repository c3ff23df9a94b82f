import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { ADAPTER_REGISTRY, UnknownAdapterError } from '@efficacy/adapter-registry';
import type { AdapterRegistry } from '@efficacy/adapter-registry';
import { formatFixed, getMeasure } from '@efficacy/indicator-model';
import { isAdapterError, reconcileTotals, sha256Hex } from '@efficacy/plugin-sdk';
import type {
  DetectResult,
  NormalisedBatch,
  ParseContext,
  ProvinceAdapter,
  ValueState,
  WarningRecord,
} from '@efficacy/plugin-sdk';
import type { Command } from 'commander';

import { CliError } from '../lib/errors';
import { compareIndicators } from '../lib/preview-indicators';
import type { IndicatorComparison } from '../lib/preview-indicators';
import { renderTable } from '../lib/text-table';

/** A file refused by the adapter (bad input), as opposed to a usage error (exit 1). */
export const EXIT_BAD_INPUT = 2;

/** Detection runs every adapter; below this an automatic choice would be a guess. */
const MIN_CONFIDENCE = 0.5;

export interface PreviewOptions {
  adapter?: string;
  json?: boolean;
  period?: string;
  region?: string;
}

export interface PreviewCandidate {
  id: string;
  confidence: number;
  reportKind?: string;
  reason: string;
}

export interface PreviewWarning extends WarningRecord {
  /** adapter: from parsing; totals: printed totals against their rows; model: landing in the model. */
  source: 'adapter' | 'totals' | 'model';
}

export interface PreviewResult {
  file: { path: string; name: string; byteLength: number; sha256: string };
  adapter: {
    id: string;
    version: string;
    province: { code: string; zh: string; en: string };
    chosen: 'detected' | 'explicit';
  };
  detection: DetectResult;
  /** Every registered adapter's answer, most confident first. */
  candidates: PreviewCandidate[];
  reportKind: { id: string; zh: string; en: string };
  batch: NormalisedBatch;
  indicators: IndicatorComparison[];
  warnings: PreviewWarning[];
}

function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error)}`,
    );
  }
}

interface Choice {
  adapter: ProvinceAdapter;
  chosen: 'detected' | 'explicit';
  /** Below the detection threshold: read only to explain why the file is refused. */
  tentative: boolean;
}

function choose(
  registry: AdapterRegistry,
  name: string,
  candidates: readonly PreviewCandidate[],
  explicit: string | undefined,
): Choice {
  if (explicit !== undefined) {
    try {
      return { adapter: registry.require(explicit), chosen: 'explicit', tentative: false };
    } catch (error) {
      if (error instanceof UnknownAdapterError) throw new CliError(error.message);
      throw error;
    }
  }
  const best = candidates[0];
  if (best && best.confidence >= MIN_CONFIDENCE) {
    return { adapter: registry.require(best.id), chosen: 'detected', tentative: false };
  }
  // A file that one adapter half recognises (a column missing) is better explained by that
  // adapter's own error, which names the place, than by "not recognised".
  if (best && best.confidence > 0) {
    return { adapter: registry.require(best.id), chosen: 'detected', tentative: true };
  }
  throw notRecognised(registry, name, best);
}

function notRecognised(
  registry: AdapterRegistry,
  name: string,
  best: PreviewCandidate | undefined,
): CliError {
  const known = registry.ids().join(', ') || 'none';
  return new CliError(
    `${name}: no adapter recognises this file${best ? ` (closest: ${best.id} at ${best.confidence.toFixed(2)}: ${best.reason})` : ''}; choose one with --adapter <id> (known: ${known})`,
    EXIT_BAD_INPUT,
  );
}

/**
 * Reads a file from disk and runs it through the adapters like an import's dry run, with
 * no database and no login: detection, the normalised batch, the indicator model's values
 * beside the printed ones, and every warning.
 */
export async function previewFile(
  path: string,
  options: PreviewOptions = {},
  registry: AdapterRegistry = ADAPTER_REGISTRY,
): Promise<PreviewResult> {
  const name = basename(path);
  const bytes = readInput(path);
  const file = { name, bytes };
  const context: ParseContext = {
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.region !== undefined ? { regionCode: options.region } : {}),
  };
  const candidates = (await registry.detect(file, context)).map(
    ({ id, confidence, reportKind, reason }) => ({
      id,
      confidence,
      ...(reportKind !== undefined ? { reportKind } : {}),
      reason,
    }),
  );
  const { adapter, chosen, tentative } = choose(registry, name, candidates, options.adapter);
  const found = candidates.find((c) => c.id === adapter.manifest.id);
  const detection: DetectResult = found
    ? {
        confidence: found.confidence,
        ...(found.reportKind !== undefined ? { reportKind: found.reportKind } : {}),
        reason: found.reason,
      }
    : { confidence: 0, reason: 'not detected' };

  let batch: NormalisedBatch;
  try {
    batch = await adapter.parse({ name, bytes: new Uint8Array(bytes) }, context);
  } catch (error) {
    // The adapter's message already names file, sheet, row and column: it is the one line.
    if (isAdapterError(error)) {
      const closest = tentative
        ? ` (read with ${adapter.manifest.id}, the closest adapter at confidence ${detection.confidence.toFixed(2)})`
        : '';
      throw new CliError(`${error.message}${closest}`, EXIT_BAD_INPUT);
    }
    throw error;
  }
  if (tentative) throw notRecognised(registry, name, candidates[0]);

  const { comparisons, warnings: modelWarnings } = compareIndicators(batch);
  const kind = adapter.manifest.reportKinds.find((k) => k.id === batch.reportKind);
  return {
    file: { path, name, byteLength: bytes.byteLength, sha256: sha256Hex(bytes) },
    adapter: {
      id: adapter.manifest.id,
      version: adapter.manifest.version,
      province: {
        code: adapter.manifest.province.code,
        zh: adapter.manifest.province.name.zh,
        en: adapter.manifest.province.name.en,
      },
      chosen,
    },
    detection,
    candidates,
    reportKind: { id: batch.reportKind, zh: kind?.name.zh ?? '', en: kind?.name.en ?? '' },
    batch,
    indicators: comparisons,
    warnings: [
      ...batch.warnings.map((w): PreviewWarning => ({ ...w, source: 'adapter' })),
      ...reconcileTotals(batch).map((w): PreviewWarning => ({ ...w, source: 'totals' })),
      ...modelWarnings.map((w): PreviewWarning => ({ ...w, source: 'model' })),
    ],
  };
}

function cell(value: ValueState): string {
  switch (value.status) {
    case 'number':
      return formatFixed(value.value, value.decimals);
    case 'not_connected':
      return '/';
    case 'not_applicable':
      return '-';
    default:
      return '';
  }
}

function measureLabel(code: string): string {
  return getMeasure(code)?.labelZh ?? code;
}

/** Units × measures, then the total rows; a column per measure and period. */
function batchTable(batch: NormalisedBatch): string[] {
  const columns: { key: string; code: string; period?: string }[] = [];
  const columnOf = (code: string, period?: string): string => {
    const key = period ? `${code}@${period}` : code;
    if (!columns.some((c) => c.key === key)) {
      columns.push({ key, code, ...(period !== undefined ? { period } : {}) });
    }
    return key;
  };
  const rows: { label: string; values: Map<string, string> }[] = [];
  const rowFor = (label: string) => {
    let row = rows.find((r) => r.label === label);
    if (!row) {
      row = { label, values: new Map() };
      rows.push(row);
    }
    return row;
  };
  for (const record of batch.measures) {
    const dimensions = Object.values(record.dimensions ?? {});
    const label = [...record.unitPath, ...dimensions].join(' / ');
    rowFor(label).values.set(columnOf(record.measure, record.period), cell(record.value));
  }
  for (const total of batch.totals) {
    const row = rowFor(
      `${[...total.unitPath, total.label].join(' / ')} (${total.kind}, row ${total.row})`,
    );
    for (const value of total.values) {
      if (value.codeKind !== 'measure') continue;
      row.values.set(columnOf(value.code, value.period), cell(value.value));
    }
  }
  if (columns.length === 0) return ['  (no measures)'];
  const header = [
    'unit',
    ...columns.map((c) => `${measureLabel(c.code)}${c.period ? ` ${c.period}` : ''}`),
  ];
  const body = rows.map((row) => [row.label, ...columns.map((c) => row.values.get(c.key) ?? '')]);
  const legend = columns
    .map((c) => `${measureLabel(c.code)} = ${c.code}${c.period ? ` (${c.period})` : ''}`)
    .join('; ');
  return [...renderTable(header, body), `  columns: ${legend}`];
}

function derivedCell(c: IndicatorComparison): string {
  if (!c.derived) return '(printed only)';
  switch (c.derived.status) {
    case 'number': {
      const digits = Number(/(\d+) decimals/.exec(c.rounding)?.[1] ?? '2');
      return formatFixed(c.derived.value as number, digits);
    }
    case 'not_connected':
      return '/';
    case 'not_applicable':
      return '-';
    default:
      return '(no counts)';
  }
}

function printedCell(c: IndicatorComparison): string {
  if (!c.printed) return '';
  if (c.printed.status === 'number') return c.printed.raw ?? String(c.printed.value);
  return c.printed.status === 'not_connected'
    ? '/'
    : c.printed.status === 'not_applicable'
      ? '-'
      : '';
}

function note(c: IndicatorComparison): string {
  const parts: string[] = [];
  if (c.difference !== undefined) parts.push(`differs by ${c.difference}`);
  parts.push(...c.hints);
  // Where a derived number came from; a value that could not be derived has no basis.
  if (c.derived?.status === 'number') {
    if (c.subject.kind === 'region' && c.derived.basis === 'children') {
      parts.push('summed over the units');
    }
    if (c.subject.kind === 'region' && c.derived.basis === 'region-total') {
      parts.push('from the total row');
    }
    if (c.derived.denominator !== undefined) {
      parts.push(`${c.derived.numerator} / ${c.derived.denominator}`);
    }
  }
  return parts.join('; ');
}

function indicatorSection(result: PreviewResult): string[] {
  if (result.indicators.length === 0) return ['  (no indicator can be computed or was printed)'];
  const groups = new Map<string, IndicatorComparison[]>();
  for (const c of result.indicators) {
    const key = `${c.indicator}|${c.period}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const first = group[0] as IndicatorComparison;
    lines.push(
      `${first.nameZh} (${first.indicator}) = ${first.formula}; ${first.rounding}; ${first.period}`,
    );
    const ordered = [
      ...group.filter((c) => c.subject.kind === 'unit'),
      ...group.filter((c) => c.subject.kind === 'region'),
    ];
    lines.push(
      ...renderTable(
        ['unit', 'derived', 'printed', 'note'],
        ordered.map((c) => [
          c.subject.kind === 'region' ? `${c.subject.label} (region)` : c.subject.label,
          derivedCell(c),
          printedCell(c),
          note(c),
        ]),
        ['left', 'right', 'right', 'left'],
      ),
    );
  }
  return lines;
}

/** A plan (Gansu) brings targets and tasks rather than figures: show them as a person reads them. */
function planSection(batch: NormalisedBatch): string[] {
  if (batch.targets.length === 0 && batch.planItems.length === 0) return [];
  const lines = ['', `Targets (${batch.targets.length})`];
  lines.push(
    ...renderTable(
      ['indicator', 'target', 'region', 'deadline'],
      batch.targets.map((t) => [
        t.indicator,
        `${t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator} ${t.value}${t.unit === 'percent' ? '%' : ''}`,
        t.regionCode ?? batch.regionCode,
        t.deadline ?? '',
      ]),
      ['left', 'right', 'left', 'left'],
    ),
  );
  lines.push('', `Plan items (${batch.planItems.length})`);
  lines.push(
    ...renderTable(
      ['no.', 'title', 'target', 'responsible', 'deadline'],
      batch.planItems.map((p) => [
        p.id,
        p.title,
        p.targetText.length > 40 ? `${p.targetText.slice(0, 39)}…` : p.targetText,
        p.responsibleUnits.join('、'),
        `${p.deadline ?? p.deadlineText ?? ''}${p.ongoing ? ' (ongoing)' : ''}`,
      ]),
      ['left', 'left', 'left', 'left', 'left'],
    ),
  );
  return lines;
}

export function renderPreview(result: PreviewResult): string[] {
  const { batch, adapter, detection } = result;
  const others = result.candidates
    .filter((c) => c.id !== adapter.id && c.confidence > 0)
    .map((c) => `${c.id} ${c.confidence.toFixed(2)}`);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    `file        ${result.file.path} (${result.file.byteLength} bytes, sha256 ${result.file.sha256.slice(0, 12)}…)`,
    `adapter     ${adapter.id} ${adapter.version}: ${adapter.province.zh} ${adapter.province.en} (${adapter.province.code}), ${adapter.chosen === 'explicit' ? 'chosen with --adapter' : 'detected'}, confidence ${detection.confidence.toFixed(2)}`,
    `report kind ${result.reportKind.id}: ${result.reportKind.zh} (${result.reportKind.en})`,
    `            ${detection.reason}`,
    ...(others.length > 0 ? [`other adapters ${others.join(', ')}`] : []),
    `period      ${batch.period}`,
    `region      ${batch.regionCode}`,
    `records     ${count(batch.measures.length, 'measure')}, ${count(batch.indicators.length, 'printed indicator value')}, ${count(batch.totals.length, 'total row')}, ${count(batch.targets.length, 'target')}, ${count(batch.planItems.length, 'plan item')}, ${count(result.warnings.length, 'warning')}`,
    '',
    'Normalised batch: units × measures ("/" not connected, "-" not applicable, blank missing)',
    ...batchTable(batch),
    '',
    'Indicators: derived from the counts by the indicator model, beside the printed values',
    ...indicatorSection(result),
    ...planSection(batch),
    '',
    `Warnings (${result.warnings.length})`,
    ...(result.warnings.length === 0
      ? ['  none']
      : result.warnings.map((w) => `  ${w.code}  ${w.message}`)),
  ];
}

export function registerPreview(program: Command): void {
  program
    .command('preview <file>')
    .description(
      'read a statistics export with the province adapters and show what an import would bring in (no database, no login)',
    )
    .option('--adapter <id>', 'use this adapter instead of detecting one')
    .option('--period <period>', 'period when the file states none (e.g. 2022-01..2022-08)')
    .option('--region <code>', 'GB/T 2260 code when the file names no region')
    .option('--json', 'print the whole preview as JSON')
    .action(async (path: string, options: PreviewOptions) => {
      const result = await previewFile(path, options);
      console.log(
        options.json ? JSON.stringify(result, null, 2) : renderPreview(result).join('\n'),
      );
    });
}
