import { columnLetter, effectiveText, cellAt } from '../grid/grid';
import type { GridSheet } from '../grid/grid';
import { normaliseLabel, normaliseText, squashWhitespace } from '../text/normalise';
import { DEFAULT_SYNONYM_CATALOGUE, labelVariants } from './synonyms';
import type { SynonymCatalogue } from './synonyms';

/**
 * Header synonyms. The outer array lists alternatives; each alternative is one label or a
 * path of labels from outer to inner header rows:
 *   '办件量'                                  one label
 *   ['单位/部门', '单位', '部门']              three alternative labels
 *   [['行政检查', '个数'], ['检查', '个数']]     two alternative paths
 * An alternative matches a column when it equals the end of the column's header path, so
 * ['个数'] alone would match all four 个数 columns (and be reported as ambiguous).
 */
export type HeaderSynonyms = string | readonly (string | readonly string[])[];

export interface HeaderColumn {
  index: number;
  letter: string;
  /** Labels from the outermost header row to the innermost, as printed (trimmed). */
  path: string[];
  /** The path joined for messages: "子项数 / 行政检查 / 个数". */
  label: string;
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  columns: HeaderColumn[];
}

export function synonymPaths(synonyms: HeaderSynonyms): string[][] {
  const alternatives = typeof synonyms === 'string' ? [synonyms] : synonyms;
  return alternatives.map((alternative) =>
    (typeof alternative === 'string' ? [alternative] : [...alternative]).map(normaliseLabel),
  );
}

/** A readable name for a synonym set, for error messages: the first alternative. */
export function synonymName(synonyms: HeaderSynonyms): string {
  const first = typeof synonyms === 'string' ? synonyms : synonyms[0];
  if (first === undefined) return '(no header)';
  return typeof first === 'string' ? first : first.join(' / ');
}

function cleanHeaderText(text: string): string {
  return squashWhitespace(normaliseText(text)) === ''
    ? ''
    : text.replace(/\s*[\r\n]+\s*/g, '').trim();
}

/**
 * Composes column paths for the header rows top..bottom. Merged cells give every covered
 * column the master's label. Where a transcription left group labels unmerged (csv has no
 * merges at all), a blank header cell takes the nearest label to its left in the same row,
 * as long as both columns sit under the same parent labels and the blank column has a
 * label further down; trailing unlabeled columns therefore stay empty.
 */
export function composeHeader(
  sheet: GridSheet,
  top: number,
  bottom: number,
  options: { inheritBlankFromLeft?: boolean } = {},
): HeaderBlock {
  const inherit = options.inheritBlankFromLeft ?? true;
  const width = sheet.columnCount;
  const labels: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowLabels: string[] = [];
    for (let c = 1; c <= width; c++)
      rowLabels.push(cleanHeaderText(effectiveText(cellAt(sheet, r, c))));
    labels.push(rowLabels);
  }
  const hasLabelBelow = (level: number, column: number): boolean =>
    labels.slice(level + 1).some((row) => (row[column - 1] ?? '') !== '');
  if (inherit) {
    // parents[c] = the labels above the current level in column c, as one comparable key;
    // kept incrementally so wide sheets stay linear per level.
    const parents: string[] = new Array<string>(width + 1).fill('');
    for (let level = 0; level < labels.length; level++) {
      const row = labels[level] as string[];
      for (let c = 1; c <= width; c++) {
        if (row[c - 1] !== '' || !hasLabelBelow(level, c)) continue;
        for (let left = c - 1; left >= 1; left--) {
          if (parents[left] !== parents[c]) break;
          const candidate = row[left - 1] ?? '';
          if (candidate !== '') {
            row[c - 1] = candidate;
            break;
          }
        }
      }
      for (let c = 1; c <= width; c++) parents[c] = `${parents[c]}\u0001${row[c - 1] ?? ''}`;
    }
  }
  const columns: HeaderColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const path: string[] = [];
    for (const row of labels) {
      const label = row[c - 1] ?? '';
      // Vertically merged labels repeat down the block; keep each once.
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    }
    columns.push({ index: c, letter: columnLetter(c), path, label: path.join(' / ') });
  }
  return { top, bottom, columns };
}

/** How a printed header matched a mapping's words; shown in the dry run. */
export type HeaderMatchKind = 'exact' | 'normalised' | 'synonym';

export interface HeaderMatch {
  column: HeaderColumn;
  /**
   * exact: the printed labels are the mapping's words; normalised: the same after
   * normalisation (full-width forms, spaces, a unit suffix such as "(%)"); synonym: a word
   * of the catalogue stands for the mapping's word.
   */
  how: HeaderMatchKind;
  /** The mapping's alternative that matched, as the mapping writes it ("办件量"). */
  wanted: string;
  /** For a synonym match, the catalogue's word the printed label uses ("办件数"). */
  synonym?: string;
}

interface Wanted {
  /** The alternative as the mapping writes it, for messages. */
  wanted: string;
  /** The printed labels that count as exact. */
  raw: readonly string[];
  synonym?: string;
}

/** An alternative or a variant, indexed by the normalised labels it must end with. */
interface CompiledSynonyms {
  direct: Map<number, Map<string, Wanted>>;
  variants: Map<number, Map<string, Wanted>>;
}

const SEPARATOR = '\u0001';

function index(into: Map<number, Map<string, Wanted>>, key: readonly string[], wanted: Wanted) {
  if (key.length === 0) return;
  const byKey = into.get(key.length) ?? new Map<string, Wanted>();
  const joined = key.join(SEPARATOR);
  if (!byKey.has(joined)) byKey.set(joined, wanted);
  into.set(key.length, byKey);
}

const compiled = new WeakMap<SynonymCatalogue, Map<HeaderSynonyms, CompiledSynonyms>>();

function compileSynonyms(synonyms: HeaderSynonyms, catalogue: SynonymCatalogue): CompiledSynonyms {
  let cache = compiled.get(catalogue);
  if (!cache) {
    cache = new Map();
    compiled.set(catalogue, cache);
  }
  const hit = cache.get(synonyms);
  if (hit) return hit;
  const alternatives = typeof synonyms === 'string' ? [synonyms] : synonyms;
  const result: CompiledSynonyms = { direct: new Map(), variants: new Map() };
  const directKeys = new Set<string>();
  const paths = alternatives.map((alternative) =>
    typeof alternative === 'string' ? [alternative] : [...alternative],
  );
  for (const raw of paths) {
    const key = raw.map(normaliseLabel);
    directKeys.add(key.join(SEPARATOR));
    index(result.direct, key, { wanted: raw.join(' / '), raw });
  }
  for (const raw of paths) {
    const key = raw.map(normaliseLabel);
    key.forEach((label, position) => {
      for (const variant of labelVariants(label, catalogue)) {
        const variantKey = [...key];
        variantKey[position] = variant.label;
        // A variant that is another alternative of the same mapping is a direct match.
        if (directKeys.has(variantKey.join(SEPARATOR))) continue;
        index(result.variants, variantKey, {
          wanted: raw.join(' / '),
          raw: [],
          synonym: variant.word,
        });
      }
    });
  }
  cache.set(synonyms, result);
  return result;
}

const normalisedPaths = new WeakMap<HeaderColumn, string[]>();

function normalisedPath(column: HeaderColumn): string[] {
  let path = normalisedPaths.get(column);
  if (!path) {
    path = column.path.map(normaliseLabel);
    normalisedPaths.set(column, path);
  }
  return path;
}

function lookup(column: HeaderColumn, into: Map<number, Map<string, Wanted>>): Wanted | undefined {
  const path = normalisedPath(column);
  for (const [length, byKey] of into) {
    if (length > path.length) continue;
    const hit = byKey.get(path.slice(path.length - length).join(SEPARATOR));
    if (hit) return hit;
  }
  return undefined;
}

function squash(text: string): string {
  return squashWhitespace(normaliseText(text));
}

function isExact(column: HeaderColumn, wanted: Wanted): boolean {
  const printed = column.path.slice(column.path.length - wanted.raw.length);
  return (
    wanted.raw.length > 0 &&
    printed.every((label, i) => squash(label) === squash(wanted.raw[i] ?? ''))
  );
}

export interface MatchHeaderOptions {
  /** Default: the SDK's catalogue. */
  catalogue?: SynonymCatalogue;
  /** Columns a synonym may not claim (another column's own words found them). */
  exclude?: ReadonlySet<number>;
}

/**
 * The columns whose header path ends with one of the synonyms, and how each matched. The
 * mapping's own words win: only when none of them is printed are the catalogue's synonyms
 * tried, so a mapping that says 办件量 reads a column printed 办件数.
 */
export function matchHeader(
  block: HeaderBlock,
  synonyms: HeaderSynonyms,
  options: MatchHeaderOptions = {},
): HeaderMatch[] {
  const compiledSynonyms = compileSynonyms(
    synonyms,
    options.catalogue ?? DEFAULT_SYNONYM_CATALOGUE,
  );
  const direct: HeaderMatch[] = [];
  for (const column of block.columns) {
    if (column.path.length === 0) continue;
    const wanted = lookup(column, compiledSynonyms.direct);
    if (wanted)
      direct.push({
        column,
        how: isExact(column, wanted) ? 'exact' : 'normalised',
        wanted: wanted.wanted,
      });
  }
  if (direct.length > 0) return direct;
  const viaSynonym: HeaderMatch[] = [];
  for (const column of block.columns) {
    if (column.path.length === 0 || options.exclude?.has(column.index)) continue;
    const wanted = lookup(column, compiledSynonyms.variants);
    if (wanted)
      viaSynonym.push({
        column,
        how: 'synonym',
        wanted: wanted.wanted,
        ...(wanted.synonym !== undefined ? { synonym: wanted.synonym } : {}),
      });
  }
  return viaSynonym;
}

/** All columns whose header path ends with one of the synonyms (or, failing that, a variant). */
export function matchColumns(
  block: HeaderBlock,
  synonyms: HeaderSynonyms,
  catalogue: SynonymCatalogue = DEFAULT_SYNONYM_CATALOGUE,
): HeaderColumn[] {
  return matchHeader(block, synonyms, { catalogue }).map((match) => match.column);
}

/** "办件数 (synonym of 办件量)", for messages and the dry run. */
export function describeMatch(match: HeaderMatch): string {
  switch (match.how) {
    case 'exact':
      return 'exact';
    case 'normalised':
      return `normalised from '${match.wanted}'`;
    case 'synonym':
      return `synonym '${match.synonym ?? match.column.label}' of '${match.wanted}'`;
  }
}

/**
 * A group row above the chosen block ("子项数" over its categories) matches nothing by itself,
 * so the search may stop below it. Rows above the block that hold several labels are header
 * rows too; a title or date line (one text, usually merged) is not.
 */
function extendUpwards(
  sheet: GridSheet,
  block: HeaderBlock,
  options: { maxDepth?: number; inheritBlankFromLeft?: boolean },
): HeaderBlock {
  let top = block.top;
  const limit = Math.max(options.maxDepth ?? 4, block.bottom - block.top + 1);
  while (top > 1 && block.bottom - (top - 1) + 1 <= limit) {
    const row = sheet.rows[top - 2];
    const labels = row?.cells.filter((cell) => cell.text.trim() !== '').length ?? 0;
    if (labels < 2) break;
    top--;
  }
  return top === block.top ? block : composeHeader(sheet, top, block.bottom, options);
}

export interface HeaderRequirement {
  synonyms: HeaderSynonyms;
  required: boolean;
  /** The unit column may legitimately span several columns (town → village). */
  multiple: boolean;
}

export interface HeaderSearchResult {
  block?: HeaderBlock;
  /** The best block that matched only some required headers, for a precise error. */
  partial?: { block: HeaderBlock; missing: HeaderRequirement[] };
}

/** Most required headers, then most matches, then the shallowest and lowest block. */
function betterPartial(
  current: { block: HeaderBlock; found: number; score: number },
  found: number,
  score: number,
  block: HeaderBlock,
): boolean {
  if (found !== current.found) return found > current.found;
  if (score !== current.score) return score > current.score;
  if (block.bottom !== current.block.bottom) return block.bottom < current.block.bottom;
  return block.top > current.block.top;
}

/**
 * Finds the header block: tries every start row in the first `maxScanRows` rows and every
 * depth up to `maxDepth`, and keeps the block that matches all required headers with the
 * most unique matches. Data rows make poor header rows (their "labels" are numbers), and
 * titles above the header add nothing, so ties go to the shallowest, lowest block.
 */
export function findHeaderBlock(
  sheet: GridSheet,
  requirements: readonly HeaderRequirement[],
  options: {
    maxScanRows?: number;
    maxDepth?: number;
    inheritBlankFromLeft?: boolean;
    catalogue?: SynonymCatalogue;
  } = {},
): HeaderSearchResult {
  const maxScan = Math.min(options.maxScanRows ?? 30, sheet.rowCount);
  const maxDepth = options.maxDepth ?? 4;
  let best: { block: HeaderBlock; score: number } | undefined;
  let partial:
    | { block: HeaderBlock; missing: HeaderRequirement[]; found: number; score: number }
    | undefined;
  for (let top = 1; top <= maxScan; top++) {
    if (sheet.rows[top - 1]?.cells.every((cell) => effectiveText(cell).trim() === '')) continue;
    for (let depth = 1; depth <= maxDepth && top + depth - 1 <= sheet.rowCount; depth++) {
      const block = composeHeader(sheet, top, top + depth - 1, options);
      let score = 0;
      const missing: HeaderRequirement[] = [];
      let requiredFound = 0;
      for (const requirement of requirements) {
        const matches = matchColumns(block, requirement.synonyms, options.catalogue).length;
        if (matches === 0) {
          if (requirement.required) missing.push(requirement);
          continue;
        }
        if (requirement.required) requiredFound++;
        score += matches === 1 || requirement.multiple ? 2 : 1;
      }
      if (missing.length === 0) {
        const better =
          !best ||
          score > best.score ||
          (score === best.score &&
            (block.bottom < best.block.bottom ||
              (block.bottom === best.block.bottom && block.top > best.block.top)));
        if (better) best = { block, score };
      } else if (
        requiredFound > 0 &&
        (!partial || betterPartial(partial, requiredFound, score, block))
      ) {
        partial = { block, missing, found: requiredFound, score };
      }
    }
  }
  if (best) return { block: extendUpwards(sheet, best.block, options) };
  return partial ? { partial: { block: partial.block, missing: partial.missing } } : {};
}
