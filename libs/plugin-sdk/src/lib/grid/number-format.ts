/**
 * Renders a stored number the way a spreadsheet prints it, for the formats these exports
 * use (General, 0, 0.00, #,##0, 0.00%). The printed text is what the bulletin shows, and its
 * number of decimals is what derived values must be compared at; exceljs does not apply
 * number formats itself.
 */

export interface ParsedNumberFormat {
  percent: boolean;
  /** undefined = General (no fixed decimals). */
  decimals?: number;
  thousands: boolean;
  text: boolean;
}

export function parseNumberFormat(numFmt: string | undefined): ParsedNumberFormat {
  const general: ParsedNumberFormat = { percent: false, thousands: false, text: false };
  if (!numFmt || /^general$/i.test(numFmt.trim())) return general;
  if (numFmt.trim() === '@') return { ...general, text: true };
  // Only the positive section matters; strip literals, colours, conditions and escapes.
  const section = (numFmt.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  const digits = /[0#?][0#?,]*(?:\.[0#?]*)?/.exec(section);
  if (!digits) return { ...general, percent: section.includes('%') };
  const [integerPart, fraction = ''] = digits[0].split('.');
  return {
    percent: section.includes('%'),
    decimals: fraction.replace(/[^0#?]/g, '').length,
    thousands: (integerPart ?? '').includes(','),
    text: false,
  };
}

/** Removes binary floating-point noise (0.1 + 0.2) without changing any printed digit. */
export function cleanFloat(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Round half away from zero at `decimals`, like a spreadsheet does. */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = cleanFloat(Math.abs(value) * factor);
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const format = parseNumberFormat(numFmt);
  const scaled = format.percent ? cleanFloat(value * 100) : value;
  let body: string;
  if (format.decimals === undefined) {
    body = String(cleanFloat(scaled));
  } else {
    body = roundHalfAway(scaled, format.decimals).toFixed(format.decimals);
  }
  if (format.thousands) {
    const negative = body.startsWith('-');
    const [integer = '', fraction] = (negative ? body.slice(1) : body).split('.');
    body = `${negative ? '-' : ''}${groupThousands(integer)}${fraction !== undefined ? `.${fraction}` : ''}`;
  }
  return format.percent ? `${body}%` : body;
}
