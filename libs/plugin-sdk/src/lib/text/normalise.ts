/**
 * Text normalisation shared by header matching, value parsing and row classification.
 * Chinese exports mix full-width and half-width forms, put line breaks inside header cells
 * and decorate labels with unit suffixes; we compare labels only after removing all that.
 */

// Characters NFKC leaves alone but that mean the same thing in these tables.
const BRACKET_MAP: Record<string, string> = {
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '［': '(',
  '］': ')',
  '[': '(',
  ']': ')',
  '〈': '(',
  '〉': ')',
  '《': '',
  '》': '',
};

const QUOTES = /["'“”‘’「」『』]/g;
// Zero-width characters sneak in from web copies; they are removed like spaces.
const WHITESPACE = /(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g;

/** NFKC (full-width → half-width, ideographic space → space), trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u200b|\ufeff/g, '')
    .trim();
}

/** Collapses internal whitespace (including line breaks inside cells) to nothing. */
export function squashWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/**
 * The comparison key for a header or row label: NFKC, no whitespace, unified brackets, no
 * quotes, lower-case Latin, and trailing unit decorations removed, so that
 * "线下参评率 (%)", "线下参评率（%）", "线下参评率%" and "线下\n参评率" all compare equal.
 */
export function normaliseLabel(text: string): string {
  let key = squashWhitespace(normaliseText(text));
  key = key.replace(/[【】〔〕［］[\]〈〉《》]/g, (ch) => BRACKET_MAP[ch] ?? ch);
  key = key.replace(QUOTES, '');
  key = key.toLowerCase();
  const unstripped = key;
  // Trailing unit annotations: (%), (件), (工作日), (小时) ... and a bare trailing %.
  let previous: string;
  do {
    previous = key;
    key = key
      .replace(/\([^()]*\)$/, '')
      .replace(/%$/, '')
      .replace(/[:：]$/, '');
  } while (key !== previous && key.length > 0);
  // A label that is nothing but an annotation ("(%)") keeps it, or it would match everything.
  return key.length > 0 ? key : unstripped;
}

/** True when the two labels are the same after normalisation. */
export function sameLabel(a: string, b: string): boolean {
  return normaliseLabel(a) === normaliseLabel(b);
}

/**
 * A unit name as printed: only surrounding whitespace and invisible characters go. Unit
 * matching (aliases, garbled names) is the API's job and needs the name as the source wrote it.
 */
export function cleanUnitName(text: string): string {
  return text.replace(/\u200b|\ufeff/g, '').trim();
}
