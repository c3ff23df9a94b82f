import type { WarningRecord } from '../contract/batch';
import { formatLocation } from '../contract/errors';
import { isBlankRow } from '../grid/grid';
import type { Grid, GridSheet } from '../grid/grid';

/**
 * Which sheets of an upload were read. Every adapter reads its file with readGrid and its
 * tables with readTable, and builds its batch with the BatchBuilder on the same bytes, so
 * the SDK can name the sheets an adapter left unread without any adapter saying so. Weak
 * maps only: nothing outlives the grid, and nothing is shared between uploads.
 */

const gridsByBytes = new WeakMap<Uint8Array, Grid>();
const readSheets = new WeakSet<GridSheet>();
const sheetScores = new WeakMap<GridSheet, Map<string, number>>();

/** Called by readGrid: the grid read from these bytes (the latest read wins). */
export function rememberGrid(bytes: Uint8Array, grid: Grid): void {
  gridsByBytes.set(bytes, grid);
}

export function gridOfBytes(bytes: Uint8Array): Grid | undefined {
  return gridsByBytes.get(bytes);
}

/** Called by readTable when a table was read from the sheet. */
export function markSheetRead(sheet: GridSheet): void {
  readSheets.add(sheet);
}

export function wasSheetRead(sheet: GridSheet): boolean {
  return readSheets.has(sheet);
}

/** Called by detection (scoreTable): how well the sheet fits one of the adapter's report kinds. */
export function noteSheetScore(sheet: GridSheet, reportKind: string, confidence: number): void {
  const scores = sheetScores.get(sheet) ?? new Map<string, number>();
  scores.set(reportKind, Math.max(confidence, scores.get(reportKind) ?? 0));
  sheetScores.set(sheet, scores);
}

/** Below this a sheet holds none of the adapter's tables (detection's own threshold). */
const RECOGNISED = 0.5;

/**
 * A SHEET_NOT_READ warning for every sheet with content that no table was read from and no
 * record came from, unless the adapter already reported it. The reason says whether the
 * sheet looked like another of the adapter's report kinds (import it on its own) or like
 * none of them.
 */
export function unreadSheetWarnings(input: {
  grid: Grid;
  fileName: string;
  reportKind: string;
  /** Sheets that records, totals, targets or plan items name. */
  sheetsWithRecords: ReadonlySet<string>;
  warnings: readonly WarningRecord[];
}): WarningRecord[] {
  const { grid, fileName, reportKind, sheetsWithRecords, warnings } = input;
  const reported = new Set(
    warnings
      .filter((w) => w.code === 'SHEET_NOT_READ' && w.provenance?.sheet !== undefined)
      .map((w) => w.provenance?.sheet),
  );
  const readNames = grid.sheets
    .filter((sheet) => wasSheetRead(sheet) || sheetsWithRecords.has(sheet.name))
    .map((sheet) => `"${sheet.name}"`);
  const out: WarningRecord[] = [];
  for (const sheet of grid.sheets) {
    if (wasSheetRead(sheet) || sheetsWithRecords.has(sheet.name)) continue;
    if (reported.has(sheet.name) || sheet.rows.every(isBlankRow)) continue;
    const scores = [...(sheetScores.get(sheet) ?? new Map<string, number>())]
      .filter(([, confidence]) => confidence >= RECOGNISED)
      .sort((a, b) => b[1] - a[1]);
    const best = scores[0];
    const where = readNames.length > 0 ? ` from sheet ${readNames.join(', ')}` : '';
    const reason = best
      ? `it looks like a ${best[0]} table (confidence ${best[1].toFixed(2)}), and this file was read as ${reportKind}${where}; import the sheet on its own, choosing that report kind`
      : sheetScores.has(sheet)
        ? "no table of this adapter's report kinds found"
        : `this file was read as ${reportKind}${where}`;
    const location = { file: fileName, sheet: sheet.name };
    out.push({
      code: 'SHEET_NOT_READ',
      message: `${formatLocation({ file: fileName })}, sheet "${sheet.name}" was not read: ${reason}`,
      provenance: location,
    });
  }
  return out;
}
