import type { DetectResult, ImportLimits, SourceFile } from '../contract/adapter';
import { isAdapterError } from '../contract/errors';
import type { FileType } from '../contract/manifest';
import { effectiveText, locationOf } from '../grid/grid';
import type { Grid, GridSheet } from '../grid/grid';
import { readGrid } from '../grid/read-grid';
import type { PeriodCandidate } from '../periods/period';
import { normaliseLabel } from '../text/normalise';
import { findHeaderBlock, matchColumns } from '../table/header';
import type { HeaderRequirement } from '../table/header';
import { noteSheetScore } from '../table/sheet-reads';
import { extendSynonyms } from '../table/synonyms';
import type { TableSpec } from '../table/table';

/** Texts of the rows above `beforeRow` (titles, 填报时间), one entry per non-empty row. */
export function titleCandidates(
  file: string,
  sheet: GridSheet,
  beforeRow: number,
): PeriodCandidate[] {
  const candidates: PeriodCandidate[] = [];
  for (let r = 1; r < beforeRow && r <= sheet.rowCount; r++) {
    const row = sheet.rows[r - 1];
    if (!row) continue;
    const texts: string[] = [];
    let firstColumn: number | undefined;
    for (const cell of row.cells) {
      // Own text only: a merged title would otherwise repeat across every covered cell.
      const text = cell.text.trim();
      if (text === '') continue;
      texts.push(text);
      firstColumn ??= cell.column;
    }
    if (texts.length > 0)
      candidates.push({ text: texts.join(' '), location: locationOf(file, sheet, r, firstColumn) });
  }
  return candidates;
}

export interface TableCandidate {
  reportKind: string;
  spec: TableSpec;
  /** Restrict to sheets by exact name or predicate; default: every sheet. */
  sheet?: string | ((sheet: GridSheet) => boolean);
  /** Words expected in the title rows above the header, e.g. ["好差评"]; raise confidence. */
  titleIncludes?: readonly string[];
}

export interface TableScore {
  reportKind: string;
  sheet: string;
  confidence: number;
  reason: string;
}

function requirementsOf(spec: TableSpec): HeaderRequirement[] {
  return [
    ...(spec.unit ? [{ synonyms: spec.unit.header, required: true, multiple: true }] : []),
    ...Object.values(spec.columns).map((c) => ({
      synonyms: c.header,
      required: c.required ?? true,
      multiple: false,
    })),
    ...Object.values(spec.dimensions ?? {}).map((d) => ({
      synonyms: d.header,
      required: d.required ?? true,
      multiple: false,
    })),
  ];
}

/**
 * Scores how well a sheet matches a table spec:
 *   all required headers found → 0.7, plus up to 0.2 for the share of all headers found,
 *   plus 0.1 when the title mentions the expected words;
 *   some required headers found → at most 0.45 (never enough to be chosen automatically).
 */
export function scoreTable(grid: Grid, candidate: TableCandidate): TableScore {
  const sheets = grid.sheets.filter((sheet) => {
    if (candidate.sheet === undefined) return true;
    return typeof candidate.sheet === 'string'
      ? sheet.name === candidate.sheet
      : candidate.sheet(sheet);
  });
  let best: TableScore = {
    reportKind: candidate.reportKind,
    sheet: '',
    confidence: 0,
    reason: 'no sheet matched',
  };
  const requirements = requirementsOf(candidate.spec);
  const catalogue = extendSynonyms(candidate.spec.synonyms);
  const required = requirements.filter((r) => r.required).length;
  for (const sheet of sheets) {
    const search = findHeaderBlock(sheet, requirements, { ...candidate.spec.header, catalogue });
    let confidence = 0;
    let reason: string;
    if (search.block) {
      const block = search.block;
      const found = requirements.filter(
        (r) => matchColumns(block, r.synonyms, catalogue).length > 0,
      ).length;
      confidence = 0.7 + 0.2 * (found / requirements.length);
      const title = titleCandidates(grid.fileName, sheet, block.top)
        .map((c) => normaliseLabel(c.text))
        .join(' ');
      const words = candidate.titleIncludes ?? [];
      const titleHit =
        words.length > 0 && words.every((word) => title.includes(normaliseLabel(word)));
      if (titleHit) confidence += 0.1;
      reason = `sheet "${sheet.name}": the header (rows ${block.top}-${block.bottom}) has ${found} of ${requirements.length} known columns of ${candidate.spec.name}${titleHit ? ', and the title matches' : ''}`;
    } else if (search.partial) {
      const foundRequired = required - search.partial.missing.length;
      confidence = 0.45 * (foundRequired / required);
      reason = `sheet "${sheet.name}": only ${foundRequired} of ${required} required columns of ${candidate.spec.name} found`;
    } else {
      reason = `sheet "${sheet.name}": no header of ${candidate.spec.name} found`;
    }
    confidence = Math.round(Math.min(1, confidence) * 1000) / 1000;
    noteSheetScore(sheet, candidate.reportKind, confidence);
    if (confidence > best.confidence || best.sheet === '') {
      best = { reportKind: candidate.reportKind, sheet: sheet.name, confidence, reason };
    }
  }
  return best;
}

/** Best candidate for a grid; ties keep the candidate listed first. */
export function detectInGrid(grid: Grid, candidates: readonly TableCandidate[]): DetectResult {
  let best: TableScore | undefined;
  for (const candidate of candidates) {
    const score = scoreTable(grid, candidate);
    if (!best || score.confidence > best.confidence) best = score;
  }
  if (!best || best.confidence === 0) {
    return { confidence: 0, reason: best?.reason ?? 'no candidate tables' };
  }
  return { confidence: best.confidence, reportKind: best.reportKind, reason: best.reason };
}

/**
 * detect() for table-shaped reports: reads the grid within limits and scores every
 * candidate. Never throws for bad input: an unreadable file is simply not this adapter's
 * (confidence 0, with the reason), because detection runs every adapter on every upload.
 */
export async function detectByTables(
  file: SourceFile,
  candidates: readonly TableCandidate[],
  options: { limits?: Partial<ImportLimits>; accept?: readonly FileType[] } = {},
): Promise<DetectResult> {
  return safeDetect(async () => detectInGrid(await readGrid(file, options), candidates));
}

/** Runs a detect body and turns AdapterErrors into confidence 0 with the error as reason. */
export async function safeDetect(body: () => Promise<DetectResult>): Promise<DetectResult> {
  try {
    return await body();
  } catch (error) {
    if (isAdapterError(error)) return { confidence: 0, reason: error.message };
    throw error;
  }
}

/** All non-empty texts of a sheet, for plugins that look for a phrase anywhere. */
export function sheetText(sheet: GridSheet): string {
  return sheet.rows
    .map((row) =>
      row.cells
        .filter((cell) => !cell.merge || cell.merge.isMaster)
        .map(effectiveText)
        .filter((t) => t.trim() !== '')
        .join(' '),
    )
    .filter((line) => line !== '')
    .join('\n');
}
