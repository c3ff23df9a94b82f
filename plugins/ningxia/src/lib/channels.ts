import { exact } from '@efficacy/indicator-model';
import { checkRate, formatLocation, locationOf, normaliseLabel } from '@efficacy/plugin-sdk';
import type {
  BatchBuilder,
  CellReading,
  Location,
  NumberValue,
  Provenance,
  Table,
  TableRow,
  TotalValue,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { CHANNEL_TOTAL_MEASURE, CHANNELS } from '../mappings/channels';
import type { ChannelMapping } from '../mappings/channels';

function locationOfReading(reading: CellReading, header: string | undefined): Location {
  const p: Provenance = reading.provenance;
  return {
    file: p.file,
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    columnIndex: p.columnIndex,
    ...(header !== undefined ? { header } : {}),
  };
}

function channelOf(row: TableRow): ChannelMapping | undefined {
  const label = normaliseLabel(row.unitName);
  return CHANNELS.find((channel) => normaliseLabel(channel.label) === label);
}

/**
 * Lingwu's channel table describes the whole city, so every row becomes a region-level
 * record (a `total` with no covered rows): the channel's cases and its printed share, and
 * the 合计 row's cases. Returns the warnings: unknown channels, shares the counts do not
 * give, and 窗口 + 乡镇 against 合计 (they split the total).
 */
export function addChannelTable(builder: BatchBuilder, table: Table): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  builder.describeTable(table);
  const casesHeader = table.columns['cases']?.label;
  const shareHeader = table.columns['share']?.label;
  // The SDK has read the cases in the unit the file states (万件 or 件) and stored them in 件;
  // `raw` keeps the printed figure, so messages quote it in the printed unit.
  const printedUnit = table.units?.['cases']?.unit ?? { symbol: '件', scale: 1 };
  const totalRow = table.rows.find((row) => row.kind === 'total');
  const totalCases = totalRow?.values['cases'];
  const casesByChannel = new Map<string, NumberValue>();

  for (const row of table.rows) {
    const cases = row.values['cases'];
    const share = row.values['share'];
    const values: TotalValue[] = [];
    let label: string;
    if (row.kind === 'data') {
      const channel = channelOf(row);
      if (!channel) {
        const unitColumn = table.unitColumns[0];
        const location = locationOf(
          table.file,
          table.sheet,
          row.row,
          unitColumn?.index,
          unitColumn?.label,
        );
        warnings.push({
          code: 'UNKNOWN_CHANNEL',
          message: `${formatLocation(location)}: the channel "${row.unitName}" is not one this adapter maps; its row is not imported`,
          provenance: location,
        });
        continue;
      }
      label = row.unitName;
      if (cases) {
        const value = cases.value;
        values.push({
          code: channel.measure,
          codeKind: 'measure',
          value,
          provenance: cases.provenance,
        });
        if (value.status === 'number') casesByChannel.set(channel.measure, value);
      }
      if (share) {
        values.push({
          code: channel.shareIndicator,
          codeKind: 'indicator',
          value: share.value,
          provenance: share.provenance,
        });
        const total = totalCases?.value;
        const own = cases?.value;
        if (
          share.value.status === 'number' &&
          own?.status === 'number' &&
          total?.status === 'number'
        ) {
          const warning = checkRate({
            indicator: channel.shareIndicator,
            numerator: exact.fromNumber(own.value),
            denominator: exact.fromNumber(total.value),
            operands: `${own.raw} / ${total.raw} (${printedUnit.symbol})`,
            printed: share.value,
            location: locationOfReading(share, shareHeader),
            period: builder.period,
          });
          if (warning) warnings.push(warning);
        }
      }
    } else {
      label = row.label ?? row.unitName;
      // The share of the whole in itself is not a figure; only the total's cases are read.
      if (cases) {
        values.push({
          code: CHANNEL_TOTAL_MEASURE,
          codeKind: 'measure',
          value: cases.value,
          provenance: cases.provenance,
        });
      }
    }
    builder.addTotal({
      // A channel row is a figure of the whole city: region-level, like the 合计 row.
      kind: row.kind === 'data' ? 'total' : row.kind,
      label,
      unitPath: [],
      table: table.spec.name,
      sheet: table.sheet.name,
      row: row.row,
      covers: [],
      values,
    });
  }

  const window = casesByChannel.get('cases.channel.window');
  const township = casesByChannel.get('cases.channel.township');
  const total = totalCases?.value;
  if (window && township && total?.status === 'number' && totalCases) {
    const sum = exact.add(exact.fromNumber(window.value), exact.fromNumber(township.value));
    if (exact.toNumber(sum) !== total.value) {
      const location = locationOfReading(totalCases, casesHeader);
      const printedSum = exact.toNumber(exact.div(sum, exact.fromNumber(printedUnit.scale)));
      const rounded = printedUnit.scale > 1 ? ' (the 万 figures are rounded as printed)' : '';
      warnings.push({
        code: 'CHANNEL_SUM_MISMATCH',
        message: `${formatLocation(location)}: 窗口 ${window.raw} + 乡镇(街道)及村(社区) ${township.raw} = ${printedSum} ${printedUnit.symbol}, but the total is printed ${totalCases.value.raw} ${printedUnit.symbol}${rounded}`,
        provenance: location,
      });
    }
  }
  return warnings;
}
