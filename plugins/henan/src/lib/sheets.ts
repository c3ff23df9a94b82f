import { scoreTable } from '@efficacy/plugin-sdk';
import type { Grid, GridSheet, TableScore } from '@efficacy/plugin-sdk';

import { ANNEX_KINDS, COMBINED_ANNEXES_KIND } from '../mappings/annexes';
import type { AnnexKind } from '../mappings/annexes';

/**
 * scoreTable gives 0.7–1 when every required header is there and at most 0.45 × the share of
 * required headers found otherwise. A sheet at or above this bar looks like an annex with a
 * broken header and is read (so the user gets MISSING_COLUMN at its header row); below it,
 * a sheet sharing a word or two with an annex (a 单位 column) is not taken for one.
 */
export const LOOKS_LIKE_ANNEX = 0.2;

export interface AnnexScore {
  annex: AnnexKind;
  score: TableScore;
}

export interface SheetMatch {
  sheet: GridSheet;
  /** Every annex scored against this sheet, in ANNEX_KINDS order. */
  scores: AnnexScore[];
  /** The best of them; the first listed wins a tie. */
  best: AnnexScore;
}

export interface SheetPick {
  sheet: GridSheet;
  annex: AnnexKind;
  confidence: number;
  reason: string;
}

export interface Selection {
  reportKind: string;
  picks: SheetPick[];
  confidence: number;
  reason: string;
}

export function hasText(sheet: GridSheet): boolean {
  return sheet.rows.some((row) => row.cells.some((cell) => cell.text.trim() !== ''));
}

/** Scores every sheet against every annex table. */
export function matchSheets(grid: Grid): SheetMatch[] {
  return grid.sheets.map((sheet) => {
    const scores = ANNEX_KINDS.map((annex) => ({
      annex,
      score: scoreTable(grid, {
        reportKind: annex.reportKind,
        spec: annex.table,
        sheet: sheet.name,
        titleIncludes: annex.titleIncludes,
      }),
    }));
    const best = scores.reduce((top, entry) =>
      entry.score.confidence > top.score.confidence ? entry : top,
    );
    return { sheet, scores, best };
  });
}

function pickOf(sheet: GridSheet, entry: AnnexScore): SheetPick {
  return {
    sheet,
    annex: entry.annex,
    confidence: entry.score.confidence,
    reason: entry.score.reason,
  };
}

function combined(picks: SheetPick[]): Selection {
  return {
    reportKind: COMBINED_ANNEXES_KIND,
    picks,
    // The workbook is only as recognisable as its weakest annex sheet.
    confidence: Math.min(...picks.map((pick) => pick.confidence)),
    reason: `${picks.length} annex tables: ${picks.map((pick) => `sheet "${pick.sheet.name}" is ${pick.annex.reportKind} (${pick.confidence})`).join('; ')}`,
  };
}

/**
 * Which sheets to read, as which annex. Automatic: two or more annex-like sheets make the
 * combined kind, one makes that annex's kind. An explicit report kind (the user's choice)
 * takes the sheet that scores best for it. Undefined when nothing looks like a Henan annex.
 */
export function selectSheets(
  matches: readonly SheetMatch[],
  explicitKind?: string,
): Selection | undefined {
  const annexLike = matches
    .filter((match) => match.best.score.confidence >= LOOKS_LIKE_ANNEX)
    .map((match) => pickOf(match.sheet, match.best));
  if (explicitKind === COMBINED_ANNEXES_KIND) {
    return annexLike.length > 0 ? combined(annexLike) : undefined;
  }
  if (explicitKind !== undefined) {
    let chosen: SheetPick | undefined;
    for (const match of matches) {
      const entry = match.scores.find((score) => score.annex.reportKind === explicitKind);
      if (entry && entry.score.confidence > (chosen?.confidence ?? 0))
        chosen = pickOf(match.sheet, entry);
    }
    return chosen
      ? {
          reportKind: explicitKind,
          picks: [chosen],
          confidence: chosen.confidence,
          reason: chosen.reason,
        }
      : undefined;
  }
  if (annexLike.length >= 2) return combined(annexLike);
  const [only] = annexLike;
  return only
    ? {
        reportKind: only.annex.reportKind,
        picks: [only],
        confidence: only.confidence,
        reason: only.reason,
      }
    : undefined;
}
