import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

export const OFFLINE_REVIEW_HALLS_KIND = 'offline-review-halls';
export const REVIEW_CHANNELS_KIND = 'review-channels';

/**
 * Offline 好差评 per hall and branch centre on the three-level scale (满意 / 基本满意 /
 * 不满意), each with its printed share: 永昌县2023年第二季度政务服务线下“好差评”通报, 一、1–6
 * (layout defined in tools/fixtures/README.md). 投票数 counts the evaluations (votes).
 */
export const offlineReviewHallsTable = defineTable({
  name: 'offline-review-halls',
  unit: { header: ['服务大厅', '大厅', '分中心', '服务中心', '单位'] },
  columns: {
    cases: { header: ['办件量', '办件数', '累计办件'], kind: 'count', measure: 'cases' },
    votes: {
      header: ['投票数', '参与投票数', '评价数', '参评数'],
      kind: 'count',
      measure: 'evaluations',
    },
    voteRate: {
      header: ['投票率', '参评率'],
      kind: 'percent',
      indicator: 'vote_rate',
      required: false,
    },
    satisfied: {
      header: ['满意', '满意票', '满意数'],
      kind: 'count',
      measure: 'evaluations.satisfied',
    },
    satisfiedShare: {
      header: ['满意占比'],
      kind: 'percent',
      indicator: 'evaluation_level_share.satisfied',
      required: false,
    },
    basicallySatisfied: {
      header: ['基本满意', '基本满意票', '基本满意数'],
      kind: 'count',
      measure: 'evaluations.basically_satisfied',
    },
    basicallySatisfiedShare: {
      header: ['基本满意占比'],
      kind: 'percent',
      indicator: 'evaluation_level_share.basically_satisfied',
      required: false,
    },
    dissatisfied: {
      header: ['不满意', '不满意票', '不满意数'],
      kind: 'count',
      measure: 'evaluations.dissatisfied',
    },
    dissatisfiedShare: {
      header: ['不满意占比'],
      kind: 'percent',
      indicator: 'evaluation_level_share.dissatisfied',
      required: false,
    },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

/**
 * 好差评 evaluations by channel (评价渠道) with each channel's share and the overall 好评率:
 * 渭源县 2020 (layout defined in tools/fixtures/README.md). The rows are channels of the
 * whole county, not units.
 */
export const reviewChannelsTable = defineTable({
  name: 'review-channels',
  unit: { header: ['评价渠道', '渠道'] },
  columns: {
    evaluations: { header: ['评价数', '评价量', '评价总量'], kind: 'count' },
    share: { header: ['占比', '评价占比'], kind: 'percent', required: false },
    goodRate: { header: ['好评率', '满意度'], kind: 'percent', required: false },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

export interface ReviewChannel {
  readonly labels: readonly string[];
  /** The catalogue's channel key (EVALUATION_CHANNELS in the indicator model). */
  readonly kind: string;
}

export const REVIEW_CHANNELS: readonly ReviewChannel[] = [
  {
    labels: ['县政务服务大厅其他终端', '政务服务大厅其他终端', '其他终端'],
    kind: 'hall_terminal',
  },
  { labels: ['政务服务大厅平板电脑', '平板电脑'], kind: 'hall_tablet' },
  { labels: ['移动服务端', '移动端', '移动服务'], kind: 'mobile' },
  { labels: ['PC端', '电脑端', 'PC'], kind: 'pc' },
  { labels: ['短信'], kind: 'sms' },
  { labels: ['二维码', '扫码'], kind: 'qr_code' },
];
