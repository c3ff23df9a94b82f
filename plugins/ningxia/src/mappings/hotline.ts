import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * 银川市“12345一号通”平台受理办理情况通报, 一、基本受理情况 (layout defined in
 * tools/fixtures/README.md): one row per request category (诉求类型) of the whole city, with
 * requests received (受理量, split into 热线 and 多媒体) and finished (办结量); 合计 last. The
 * rows are categories, not units: each becomes a region-level figure with the category's
 * own measure code (`hotline.requests.consultation`, `hotline.finished.complaint`).
 */
export const hotlineCategoryTable = defineTable({
  name: 'hotline-categories',
  unit: { header: ['诉求类型', '诉求类别', '诉求分类'] },
  columns: {
    received: { header: ['受理量', '受理数', '受理诉求数'], kind: 'count' },
    phone: { header: ['热线受理', '热线受理量', '电话受理'], kind: 'count', required: false },
    multimedia: {
      header: ['多媒体受理', '多媒体受理量', '网络受理'],
      kind: 'count',
      required: false,
    },
    finished: { header: ['办结量', '办结数'], kind: 'count', required: false },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

/** The same bulletin's first split: 行政化服务类, 社会化服务类 and 无效诉求, received and finished. */
export const hotlineServiceClassTable = defineTable({
  name: 'hotline-service-classes',
  unit: { header: ['服务类别', '事项类别'] },
  columns: {
    received: { header: ['受理量', '受理数', '受理诉求数'], kind: 'count' },
    finished: { header: ['办结量', '办结数'], kind: 'count', required: false },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

export interface HotlineCategory {
  /** Row labels as printed (the first is the bulletin's own word). */
  readonly labels: readonly string[];
  /** The catalogue's category key (HOTLINE_CATEGORIES in the indicator model). */
  readonly kind: string;
}

export const HOTLINE_CATEGORY_ROWS: readonly HotlineCategory[] = [
  { labels: ['咨询类', '咨询', '咨询类诉求'], kind: 'consultation' },
  { labels: ['投诉类', '投诉', '投诉类诉求'], kind: 'complaint' },
  { labels: ['求助类', '求助', '求助类诉求'], kind: 'help' },
  { labels: ['建议类', '建议', '建议类诉求'], kind: 'suggestion' },
  { labels: ['举报类', '举报', '举报类诉求'], kind: 'report' },
  { labels: ['表扬类', '表扬', '感谢类', '感谢'], kind: 'praise' },
  { labels: ['其他类', '其他', '其它类', '其它'], kind: 'other' },
  { labels: ['无效诉求', '无效'], kind: 'invalid' },
  { labels: ['行政化服务类', '行政化服务类事项'], kind: 'administrative' },
  { labels: ['社会化服务类', '社会化服务类事项'], kind: 'social' },
];

/** Column key → measure code for a category row (`kind` substituted) and for the 合计 row. */
export const HOTLINE_COLUMNS: Readonly<
  Record<string, { readonly perCategory: (kind: string) => string; readonly total: string }>
> = {
  received: { perCategory: (kind) => `hotline.requests.${kind}`, total: 'hotline.requests' },
  phone: {
    perCategory: (kind) => `hotline.requests.${kind}.phone`,
    total: 'hotline.requests.phone',
  },
  multimedia: {
    perCategory: (kind) => `hotline.requests.${kind}.multimedia`,
    total: 'hotline.requests.multimedia',
  },
  finished: { perCategory: (kind) => `hotline.finished.${kind}`, total: 'hotline.finished' },
};
