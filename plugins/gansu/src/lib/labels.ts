import { formatLocation } from '@efficacy/plugin-sdk';
import type { Location, Provenance, WarningRecord } from '@efficacy/plugin-sdk';

/** A warning whose message starts with the place in words, like the SDK's errors. */
export function warningAt(code: string, location: Location, detail: string): WarningRecord {
  return { code, message: `${formatLocation(location)}: ${detail}`, provenance: location };
}

/** A cell's provenance as an error/warning location, with its column header for readability. */
export function locationOf(provenance: Provenance, header?: string): Location {
  return {
    file: provenance.file,
    sheet: provenance.sheet,
    row: provenance.row,
    column: provenance.column,
    columnIndex: provenance.columnIndex,
    ...(header !== undefined ? { header } : {}),
  };
}

/** NFKC without whitespace: the form prose is compared in (targets, deadlines, unit lists). */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}
