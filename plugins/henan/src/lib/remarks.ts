import { formatLocation } from '@efficacy/plugin-sdk';
import type { Table, TableRow, WarningRecord } from '@efficacy/plugin-sdk';

/**
 * Remarks that say the measured work does not apply to the unit. 附件7 prints 房管局 with
 * 1 listed item, 0 done, 完成率 0.00% and the remark “无需排查” (no audit needed): its 0.00% is
 * not a failure to rank last, it is a rate that does not apply. Printed counts stay as they
 * are: the 合计 row sums them (200 listed, 11 done: 5.50% as printed; without 房管局's item it
 * would be 11/199 = 5.53%). Every rate of the row becomes not applicable; the model then shows
 * a status discrepancy (derived 0/1 = 0 against reported not applicable) for the unit.
 */
const NOT_APPLICABLE_REMARK = /^(无需|不需|不涉及|无此项)/;

export const REMARK_NOT_APPLICABLE = 'REMARK_NOT_APPLICABLE';
export const UNIT_REMARK = 'UNIT_REMARK';

function notApplicableRemark(row: TableRow): string | undefined {
  for (const reading of Object.values(row.texts)) {
    const text = reading.text.normalize('NFKC').replace(/\s+/g, '');
    if (NOT_APPLICABLE_REMARK.test(text)) return reading.text;
  }
  return undefined;
}

/**
 * The table with the rates of "no … needed" rows read as not applicable, and the warnings the
 * dry run shows: one per such rate (what was printed, why it is not ranked) and one per other
 * remark (附件7 备注 qualify a unit's figures; they are kept as printed).
 */
export function applyRemarks(table: Table): { table: Table; warnings: WarningRecord[] } {
  const warnings: WarningRecord[] = [];
  const rows = table.rows.map((row): TableRow => {
    if (row.kind !== 'data') return row;
    const reason = notApplicableRemark(row);
    if (reason === undefined) {
      for (const [key, reading] of Object.entries(row.texts)) {
        if (reading.text === '') continue;
        const location = { ...reading.provenance, header: table.columns[key]?.label ?? key };
        warnings.push({
          code: UNIT_REMARK,
          message: `${formatLocation(location)}: ${row.unitName} is remarked "${reading.text}"; its figures are kept as printed`,
          provenance: location,
        });
      }
      return row;
    }
    const values = { ...row.values };
    for (const [key, reading] of Object.entries(row.values)) {
      if (table.spec.columns[key]?.indicator === undefined) continue;
      if (reading.value.status !== 'number') continue;
      values[key] = { ...reading, value: { status: 'not_applicable', raw: reading.value.raw } };
      const location = { ...reading.provenance, header: table.columns[key]?.label ?? key };
      warnings.push({
        code: REMARK_NOT_APPLICABLE,
        message: `${formatLocation(location)}: ${row.unitName} is remarked "${reason}"; its printed ${reading.value.raw} is read as not applicable (not ranked), not as ${reading.value.raw}`,
        provenance: location,
      });
    }
    return { ...row, values };
  });
  return { table: { ...table, rows }, warnings };
}
