import type { RoundingRule } from '../../arith/rounding';
import type { MeasureCode } from '../../measures/catalogue';
import type { Formula, IndicatorDefinition, PolicySource } from '../definition';

/** The documents the catalogue's policy texts are quoted from. */
export const DOCUMENTS = {
  jinfeng: '金凤区审批服务管理局《金凤区1-8月政务服务运行情况的通报》（2022年9月13日）',
  lingwu: '灵武市审批服务管理局《灵武市政务服务2022年上半年运行分析情况的通报》（2022年8月23日）',
  yindu: '殷放管服办〔2023〕18号《殷都区政务服务能力提升工作6月份运行情况通报》',
  xiqu: '攀枝花市西区《9月“一网通办”能力提升工作情况》（2022年）',
  gansu: '嘉政办发〔2022〕100号《嘉峪关市一体化政务服务能力提升实施方案》',
  pingdingshan: '平顶山市《2023年8月12345民呼必应热线工作情况通报》',
  yongchang:
    '永昌县深化“放管服”改革推进政府职能转变领导小组办公室《关于2023年第二季度政务服务线下“好差评”及政务服务大厅运行情况的通报》',
  weiyuan: '渭源县政务服务中心《政务“好差评” 彰显“好服务”》（2021年1月6日）',
} as const;

export function policy(document: keyof typeof DOCUMENTS, textZh: string): PolicySource {
  return { document: DOCUMENTS[document], textZh };
}

export const HALF_UP_2: RoundingRule = { mode: 'half-up', digits: 2 };
export const HALF_UP_1: RoundingRule = { mode: 'half-up', digits: 1 };
export const TRUNCATE_2: RoundingRule = { mode: 'truncate', digits: 2 };
export const WHOLE: RoundingRule = { mode: 'half-up', digits: 0 };

/**
 * The seeds do not date the definitions; 2019-01-01 precedes their earliest figure (2020
 * e-licence records), so every seed period is computed with version 1.
 */
export const FIRST_VALID_FROM = '2019-01-01';

/** A percentage of summed measures. */
export function percent(
  numerator: readonly MeasureCode[],
  denominator: readonly MeasureCode[],
): Formula {
  return {
    kind: 'ratio',
    numerator: numerator.map((measure) => ({ measure })),
    denominator: denominator.map((measure) => ({ measure })),
    factor: 100,
  };
}

/** 100 × (1 − Σnumerator / Σdenominator). */
export function complementPercent(
  numerator: readonly MeasureCode[],
  denominator: readonly MeasureCode[],
): Formula {
  return { ...percent(numerator, denominator), variant: 'complement' } as Formula;
}

export function count(...measures: readonly MeasureCode[]): Formula {
  return { kind: 'sum', terms: measures.map((measure) => ({ measure })) };
}

export const REPORTED: Formula = { kind: 'reported' };

type DefinitionInput = Omit<IndicatorDefinition, 'version' | 'validFrom'> &
  Partial<Pick<IndicatorDefinition, 'version' | 'validFrom'>>;

export function define(input: DefinitionInput): IndicatorDefinition {
  return { version: 1, validFrom: FIRST_VALID_FROM, ...input };
}
