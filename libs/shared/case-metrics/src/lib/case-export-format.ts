import type {
  CaseChannel,
  CaseItemType,
  CaseRecord,
  EvaluationLevel,
  PreReviewResult,
} from '@efficacy/indicator-model';

/**
 * The column layout of a provincial case export (办件明细) as the Ningxia platform writes it,
 * in order. Labels are data: the headings a clerk sees in the file.
 */
export const CASE_EXPORT_HEADINGS = [
  '办件编号',
  '事项编码',
  '事项类型',
  '办理部门',
  '行政区划代码',
  '办理渠道',
  '受理时间',
  '承诺时限（工作日）',
  '是否办结',
  '办结时间',
  '办件状态',
  '评价等级',
  '预审结果',
  '是否测试件',
] as const;

export const ITEM_TYPE_LABELS: Record<CaseItemType, string> = {
  approval: '审批事项',
  convenience: '便民事项',
};

export const CHANNEL_LABELS: Record<CaseChannel, string> = {
  window: '窗口办理',
  township: '乡镇（街道）',
  online_platform: '一网通办',
  fully_online: '全程网办',
  mobile: '掌上办',
};

export const EVALUATION_LABELS: Record<EvaluationLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

export const PRE_REVIEW_LABELS: Record<PreReviewResult, string> = {
  passed: '通过',
  rejected: '不通过',
};

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function caseCsvHeader(): string {
  return `${CASE_EXPORT_HEADINGS.join(',')}\n`;
}

/** One record as a line of the export (UTF-8 CSV); times carry a clock time as the platform prints them. */
export function caseCsvLine(r: CaseRecord): string {
  return (
    [
      csvField(r.caseId),
      csvField(r.itemCode),
      ITEM_TYPE_LABELS[r.itemType],
      csvField(r.unit),
      r.regionCode,
      CHANNEL_LABELS[r.channel],
      `${r.received} 09:30:00`,
      String(r.promisedDays),
      r.finished === null ? '否' : '是',
      r.finished === null ? '' : `${r.finished} 16:00:00`,
      csvField(r.status),
      r.evaluation === null ? '' : EVALUATION_LABELS[r.evaluation],
      r.preReview === null ? '' : PRE_REVIEW_LABELS[r.preReview],
      r.isTest ? '是' : '否',
    ].join(',') + '\n'
  );
}
