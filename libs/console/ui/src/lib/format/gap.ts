import type { AssessmentRow, IndicatorUnit, Polarity } from '@efficacy/api-contract';
import { gapText, targetText, valueText } from './numbers';

/** A sentence to translate: key plus parameters. */
export interface Phrase {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

export interface IndicatorRef {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
}

/** Measures whose lever reads naturally in the bulletins' words; others fall back to a count. */
const LEVER_KEYS: Record<string, string> = {
  'cases.offline.evaluated': 'gap.lever.evaluate',
  'items.with_cases': 'gap.lever.itemsWithCases',
  'evaluations.bad_rectified': 'gap.lever.rectify',
  'cases.finished_late': 'gap.lever.fewerOverdue',
  'cases.unfinished_late': 'gap.lever.fewerOverdue',
  'elicence.records_added': 'gap.lever.licences',
  'items.immediate': 'gap.lever.immediateItems',
  'items.contactless': 'gap.lever.contactlessItems',
  'audit.done': 'gap.lever.audits',
};

/**
 * "线下参评率 97.20%，低于目标 98.5% 1.30 个百分点，需再评价 16 件": how far a row is from
 * its target, in words. Null when the row meets its target or has none to compare.
 */
export function gapPhrases(
  indicator: IndicatorRef,
  row: AssessmentRow,
  language: 'zh-CN' | 'en',
): Phrase[] | null {
  const target = row.target;
  if (!target || (target.status !== 'missed' && target.status !== 'close')) return null;
  const name = language === 'zh-CN' ? indicator.nameZh : indicator.nameEn;
  const value = valueText(row.value, indicator.unit);
  if (target.value === undefined || target.gap === undefined) {
    return [{ key: 'gap.improve', params: { indicator: name, value } }];
  }
  const below =
    target.comparator === '>=' ||
    (target.comparator === '=' && (row.value.value ?? 0) < target.value);
  const phrases: Phrase[] = [
    {
      key:
        indicator.unit === 'percent'
          ? below
            ? 'gap.belowPoints'
            : 'gap.abovePoints'
          : below
            ? 'gap.below'
            : 'gap.above',
      params: {
        indicator: name,
        value,
        target: targetText('', target.value, indicator.unit),
        gap: gapText(target.gap, indicator.unit),
      },
    },
  ];
  const lever = target.lever;
  if (lever && lever.amount > 0) {
    const key =
      lever.measures.map((m) => LEVER_KEYS[m]).find((k) => k !== undefined) ??
      (lever.direction === 'increase' ? 'gap.lever.increase' : 'gap.lever.decrease');
    phrases.push({ key, params: { amount: lever.amount } });
  }
  return phrases;
}
