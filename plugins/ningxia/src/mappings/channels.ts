import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Lingwu H1 analysis, 一、总体运行情况: cases and share by channel (layout defined in
 * tools/fixtures/README.md). The rows are channels of the whole city, not units: each row
 * label maps to a measure (cases, printed in 万件 or 件) and to the share indicator of that channel. The
 * channels are not a partition: 窗口 + 乡镇 split the total, the online channels overlap them.
 */
export const channelTable = defineTable({
  name: 'lingwu-channels',
  unit: { header: ['办件渠道', '渠道'] },
  columns: {
    // Lingwu's text prints 万件 with decimals (30.6). The unit comes from the file: a header
    // 办件量(万件) is read × 10 000, 办件量(件) as printed; a header with no unit takes 万件
    // only when the numbers fit it (30.6, not 306000).
    cases: { header: '办件量', kind: 'number', unit: '万件' },
    share: { header: ['占全市办件量比例', '占比'], kind: 'percent' },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

export interface ChannelMapping {
  /** The row label as printed. */
  readonly label: string;
  readonly measure: string;
  readonly shareIndicator: string;
}

export const CHANNELS: readonly ChannelMapping[] = [
  {
    label: '窗口办件',
    measure: 'cases.channel.window',
    shareIndicator: 'channel_share.window',
  },
  {
    label: '各乡镇(街道)及村(社区)办件',
    measure: 'cases.channel.township',
    shareIndicator: 'channel_share.township',
  },
  {
    label: '“一网通办”综合服务平台(宁夏政务服务网)办件',
    measure: 'cases.channel.online_platform',
    shareIndicator: 'channel_share.online_platform',
  },
  {
    label: '全程网办办件',
    measure: 'cases.channel.fully_online',
    shareIndicator: 'channel_share.fully_online',
  },
  {
    label: '掌上办办件',
    measure: 'cases.channel.mobile',
    shareIndicator: 'channel_share.mobile',
  },
];

/** The 合计 row's 办件量 is all cases of the city. */
export const CHANNEL_TOTAL_MEASURE = 'cases';
