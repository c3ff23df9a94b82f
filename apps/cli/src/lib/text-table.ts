/**
 * Plain-text tables for the terminal. Chinese characters take two columns in a terminal,
 * so widths are counted in display columns, not string length, or every unit name would
 * push its row out of line.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

export type Align = 'left' | 'right';

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Renders rows under a header; the first column is left-aligned unless told otherwise. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = header.map((_h, i) => (i === 0 ? 'left' : 'right')),
  indent = '  ',
): string[] {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, align[i] ?? 'right'))
      .join('  ')
      .replace(/\s+$/, '')}`;
  return [line(header), ...rows.map(line)];
}
