import { exact } from '@efficacy/indicator-model';
import {
  checkRate,
  checkTableRates,
  locationOf as gridLocation,
  normaliseLabel,
} from '@efficacy/plugin-sdk';
import type {
  BatchBuilder,
  CellReading,
  Table,
  TableRow,
  TotalValue,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { REVIEW_CHANNELS } from '../mappings/evaluations';
import type { ReviewChannel } from '../mappings/evaluations';
import { locationOf, warningAt } from './labels';

function numberOf(reading: CellReading | undefined): number | undefined {
  return reading?.value.status === 'number' ? reading.value.value : undefined;
}

/**
 * Offline 好差评 per hall: the rows are units (the county hall and its branch centres). Besides
 * the printed rates, the three levels are compared with 投票数: Yongchang's county hall prints
 * 3808 + 3 + 5 = 3816 levels for 3811 votes, because its 5 cases not voted on (未开展评价) are
 * counted as 不满意 (LEVELS_NOT_VOTES, with the reason when the levels equal 办件量).
 */
export function addOfflineReviewHalls(
  builder: BatchBuilder,
  table: Table,
  period: string,
): WarningRecord[] {
  builder.addTable(table);
  const warnings = checkTableRates(table, period);
  for (const row of table.rows) {
    const votes = row.values['votes'];
    const levels = ['satisfied', 'basicallySatisfied', 'dissatisfied'].map((key) =>
      numberOf(row.values[key]),
    );
    const voteCount = numberOf(votes);
    if (!votes || voteCount === undefined || levels.some((n) => n === undefined)) continue;
    const sum = (levels as number[]).reduce((a, b) => a + b, 0);
    if (sum === voteCount) continue;
    const cases = numberOf(row.values['cases']);
    const reason =
      cases === sum
        ? `; they equal 办件量 ${cases}: the ${sum - voteCount} cases not voted on are counted in the levels (as 不满意 where the bulletin says 未开展评价), and the printed shares divide by the levels`
        : '';
    warnings.push(
      warningAt(
        'LEVELS_NOT_VOTES',
        locationOf(votes.provenance, table.columns['votes']?.label),
        `${row.unitName}: 满意 + 基本满意 + 不满意 = ${levels.join(' + ')} = ${sum}, but 投票数 is printed ${votes.value.raw}${reason}`,
      ),
    );
  }
  return warnings;
}

function channelOf(row: TableRow): ReviewChannel | undefined {
  const label = normaliseLabel(row.unitName);
  return REVIEW_CHANNELS.find((channel) =>
    channel.labels.some((candidate) => normaliseLabel(candidate) === label),
  );
}

/**
 * Evaluations by channel: every channel row is a figure of the whole county (a `total` that
 * covers no rows) with the channel's own codes; the 合计 row gives `evaluations` and its
 * 好评率 (`satisfaction`: good reviews over evaluations). Shares are checked against 合计,
 * and the channels against 合计 (CHANNEL_SUM_MISMATCH).
 */
export function addReviewChannels(
  builder: BatchBuilder,
  table: Table,
  period: string,
): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const totalRow = table.rows.find((row) => row.kind === 'total');
  const total = numberOf(totalRow?.values['evaluations']);
  let sum = 0;
  let complete = true;
  for (const row of table.rows) {
    const values: TotalValue[] = [];
    const push = (code: string, codeKind: 'measure' | 'indicator', reading?: CellReading) => {
      if (reading)
        values.push({ code, codeKind, value: reading.value, provenance: reading.provenance });
    };
    if (row.kind === 'data') {
      const channel = channelOf(row);
      if (!channel) {
        const unitColumn = table.unitColumns[0];
        warnings.push(
          warningAt(
            'UNKNOWN_CHANNEL',
            gridLocation(table.file, table.sheet, row.row, unitColumn?.index, unitColumn?.label),
            `the evaluation channel "${row.unitName}" is not one this adapter maps (${REVIEW_CHANNELS.map((c) => c.labels[0]).join('、')}); its row is not imported`,
          ),
        );
        complete = false;
        continue;
      }
      const evaluations = row.values['evaluations'];
      const share = row.values['share'];
      push(`evaluations.channel.${channel.kind}`, 'measure', evaluations);
      push(`evaluation_channel_share.${channel.kind}`, 'indicator', share);
      const own = numberOf(evaluations);
      if (own === undefined) complete = false;
      else sum += own;
      if (share?.value.status === 'number' && own !== undefined && total !== undefined) {
        const warning = checkRate({
          indicator: `evaluation_channel_share.${channel.kind}`,
          numerator: exact.fromNumber(own),
          denominator: exact.fromNumber(total),
          operands: `${own} / ${total}`,
          printed: share.value,
          location: locationOf(share.provenance, table.columns['share']?.label),
          period,
          subject: row.unitName,
        });
        if (warning) warnings.push(warning);
      }
    } else {
      push('evaluations', 'measure', row.values['evaluations']);
      // The share of the whole in itself is not a figure.
      push('satisfaction', 'indicator', row.values['goodRate']);
    }
    builder.addTotal({
      kind: row.kind === 'data' ? 'total' : row.kind,
      label: row.kind === 'data' ? row.unitName : (row.label ?? row.unitName),
      unitPath: [],
      table: table.spec.name,
      sheet: table.sheet.name,
      row: row.row,
      covers: [],
      values,
    });
  }
  const totalReading = totalRow?.values['evaluations'];
  if (totalReading && total !== undefined && complete && sum !== total) {
    warnings.push(
      warningAt(
        'CHANNEL_SUM_MISMATCH',
        locationOf(totalReading.provenance, table.columns['evaluations']?.label),
        `the channels add up to ${sum}, but ${totalRow?.label ?? '合计'} is printed ${totalReading.value.raw}`,
      ),
    );
  }
  return warnings;
}
