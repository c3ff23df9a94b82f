import { normaliseLabel, normaliseText, squashWhitespace } from '../text/normalise';

/**
 * What a table row is. Totals are not units: they are kept for reconciliation and must
 * never be ranked. `section` is a label row that opens a group (公共服务单位); `header` is a
 * header repeated after a page break.
 */
export type RowKind =
  | 'data'
  | 'total'
  | 'subtotal'
  | 'benchmark'
  | 'section'
  | 'blank'
  | 'note'
  | 'header';

export interface RowLabelOptions {
  /** Labels of grand-total rows, added to the defaults (e.g. the county's own name: 殷都区). */
  totalLabels?: readonly string[];
  subtotalLabels?: readonly string[];
  /** Rows for a higher level shown for comparison, e.g. 安阳市 in a county table. */
  benchmarkLabels?: readonly string[];
  /** Prefixes of note rows, added to the defaults. */
  notePrefixes?: readonly string[];
}

export const DEFAULT_TOTAL_LABELS: readonly string[] = [
  '合计',
  '总计',
  '总合计',
  '全区合计',
  '全市合计',
  '全县合计',
  '汇总',
];
export const DEFAULT_SUBTOTAL_LABELS: readonly string[] = ['小计', '分计'];
export const DEFAULT_NOTE_PREFIXES: readonly string[] = [
  '注:',
  '注1',
  '注2',
  '注①',
  '备注:',
  '说明:',
  '填报说明',
  '数据来源',
  '制表人',
  '填报人',
  '审核人',
];

export interface RowClassificationInput {
  /** Texts of the label cells (serial, unit and other non-value columns), left to right. */
  labels: readonly string[];
  /** Texts of the value cells. */
  values: readonly string[];
  /** The first non-empty text of the row, wherever it is. */
  firstText: string;
  /** How many cells of the row own a non-empty text (merged covers excluded). */
  ownTextCount: number;
}

export interface RowClassification {
  kind: RowKind;
  /** For total, subtotal and benchmark rows: the label as printed. */
  label?: string;
}

function hasText(text: string): boolean {
  return squashWhitespace(normaliseText(text)) !== '';
}

/** Does a text start like a note? ("注：", "备注：", "说明" ...) */
export function isNoteText(text: string, extraPrefixes: readonly string[] = []): boolean {
  const key = squashWhitespace(normaliseText(text));
  return [...DEFAULT_NOTE_PREFIXES, ...extraPrefixes].some((prefix) =>
    key.startsWith(squashWhitespace(normaliseText(prefix))),
  );
}

/** Classifies one row from the texts of its label and value cells. */
export function classifyRow(
  input: RowClassificationInput,
  options: RowLabelOptions = {},
): RowClassification {
  const anyLabel = input.labels.some(hasText);
  const anyValue = input.values.some(hasText);
  if (!anyLabel && !anyValue) return { kind: 'blank' };
  if (isNoteText(input.firstText, options.notePrefixes)) return { kind: 'note' };
  const sets: Array<[RowKind, readonly string[]]> = [
    ['subtotal', [...DEFAULT_SUBTOTAL_LABELS, ...(options.subtotalLabels ?? [])]],
    ['total', [...DEFAULT_TOTAL_LABELS, ...(options.totalLabels ?? [])]],
    ['benchmark', options.benchmarkLabels ?? []],
  ];
  for (const [kind, labels] of sets) {
    const keys = new Set(labels.map(normaliseLabel));
    const hit = input.labels.find((text) => hasText(text) && keys.has(normaliseLabel(text)));
    if (hit !== undefined) return { kind, label: hit.trim() };
  }
  if (!anyValue && input.ownTextCount <= 1)
    return { kind: 'section', label: input.firstText.trim() };
  return { kind: 'data' };
}
