import { defineTable } from '@efficacy/plugin-sdk';
import type { Comparator, ValueUnit } from '@efficacy/plugin-sdk';

export const CAPABILITY_PLAN_KIND = 'capability-plan';

/**
 * 嘉峪关市一体化政务服务能力提升实施方案 (嘉政办发〔2022〕100号), 三、主要任务: one row per
 * indicator. The plan prints no table; the columns are its own headings (see README). Every
 * column is prose: the plan's figures are targets, not values, so nothing here is a measure.
 */
export const capabilityPlanTable = defineTable({
  name: 'capability-plan',
  serial: { header: ['序号', '编号'] },
  columns: {
    title: { header: ['指标', '指标名称', '任务'], kind: 'text' },
    // The paragraph some tasks print under the heading before "1.主要问题" (only (一) has one).
    overview: { header: '任务概述', kind: 'text', required: false },
    problem: { header: '主要问题', kind: 'text', required: false },
    evaluationPoints: { header: '评估要点', kind: 'text', required: false },
    target: { header: '任务目标', kind: 'text' },
    measures: { header: '提升措施', kind: 'text', required: false },
    responsible: { header: '责任单位', kind: 'text' },
    deadline: { header: '完成时限', kind: 'text' },
  },
});

/**
 * The groups the plan assigns tasks to, as printed. Used only to split a list whose
 * separator is missing (task (一) prints 市政府各部门在嘉各单位 without the 、 the other
 * 25 tasks have); the names themselves stay as printed and the API's matcher resolves them.
 */
export const RESPONSIBLE_UNIT_GROUPS: readonly string[] = [
  '各街道办事处',
  '郊区工作办公室',
  '市政府各部门',
  '在嘉各单位',
  '市市场监管局',
];

/**
 * Targets the plan words without a figure, read as the figure they imply. Only applied to
 * percentage indicators, and only when the text has no number at all. Each reading agrees
 * with the model's GANSU_2022_TARGETS.
 */
export interface WordedTarget {
  readonly pattern: RegExp;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: ValueUnit;
  /** Why the words mean this figure. */
  readonly reading: string;
}

export const WORDED_TARGETS: readonly WordedTarget[] = [
  {
    // (二十一) 加盖电子印章电子证照种类数应与认领电子证照数相同: sealed / claimed = 100%.
    pattern: /应与.*(?:相同|一致)/,
    comparator: '=',
    value: 100,
    unit: 'percent',
    reading: 'the two counts must be equal, so the ratio is 100%',
  },
  {
    // (十八) 全量申请国家接口: applied / national = 100%.
    pattern: /^(?:全量|全部)/,
    comparator: '>=',
    value: 100,
    unit: 'percent',
    reading: '全量 (all of them) is 100%',
  },
];
