import { competitionRanks } from '@efficacy/assessment-engine';
import type { Polarity, ValueStatus } from '@efficacy/indicator-model';

/**
 * One unit's standing on one indicator, as the bulletin names it: its figure as printed (the
 * annex's value), or the state the source printed instead ("-" not applicable, "/" not
 * connected), or nothing at all (missing: not reported).
 */
export interface Standing {
  readonly id: string;
  readonly name: string;
  readonly status: ValueStatus;
  readonly value?: number;
  /** The figure with its printed decimals and unit: "95.36%", "20.00%". */
  readonly text: string;
  /** Position in the source (file, sheet, row), so that ties keep the printed order. */
  readonly order: string;
  /** Cases the unit handled in the period, when a table of the period printed them. */
  readonly cases?: number;
}

const byOrder = (a: Standing, b: Standing) => a.order.localeCompare(b.order);

/**
 * The units with a number, best first by the engine's competition ranks; ties keep the
 * source's order. "-", "/" and missing have no rank and are left out.
 */
export function ranked(standings: readonly Standing[], polarity: Polarity): Standing[] {
  const numbered = standings.filter((s) => s.status === 'number' && s.value !== undefined);
  const ranks = competitionRanks(
    numbered.map((s) => s.value),
    polarity === 'neutral' ? 'higher-is-better' : polarity,
  );
  return numbered
    .map((s, i) => ({ s, rank: ranks[i] ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.rank - b.rank || byOrder(a.s, b.s))
    .map(({ s }) => s);
}

/** The same units worst first (the way a laggard list reads), ties in the source's order. */
export function worstFirst(standings: readonly Standing[], polarity: Polarity): Standing[] {
  const best = ranked(standings, polarity);
  const ranks = competitionRanks(
    best.map((s) => s.value),
    polarity === 'neutral' ? 'higher-is-better' : polarity,
  );
  return best
    .map((s, i) => ({ s, rank: ranks[i] ?? 0 }))
    .sort((a, b) => b.rank - a.rank || byOrder(a.s, b.s))
    .map(({ s }) => s);
}

const withFigure = (s: Standing) => `${s.name}${s.text}`;

/**
 * The seed's banded wording for a rate a county reports per unit (金凤区's 事项覆盖率):
 * "共有15个办理部门事项覆盖率超过10%（具体是：…）；2个办理部门通过平台办理并产生办件量，但事项覆盖率
 * 低于10%（具体是：…）；其余18个办理部门事项覆盖率为“0”。"
 *
 * - At or above the band: every unit with its figure, best first.
 * - Below the band and above 0: the unit with its figure; a unit with no figure that handled
 *   cases in the period is below the band too when the source's table lists only units at or
 *   above it (no figure it lists lies between 0 and the band): it is named without a figure,
 *   as the seed does.
 * - At 0: a figure of 0, or no figure and 0 cases printed.
 * - Not applicable ("-", 无需排查, 不涉及) and not connected ("/"): never in these lists and
 *   never 0; they are said once, as such.
 * - Nothing in any table: "未报送", never 0.
 */
export function bandSentence(
  standings: readonly Standing[],
  band: number,
  nameZh: string,
  noun = '办理部门',
): string | undefined {
  const numbered = standings.filter((s) => s.status === 'number' && s.value !== undefined);
  if (numbered.length === 0) return undefined;
  const best = ranked(standings, 'higher-is-better');
  const above = best.filter((s) => (s.value as number) >= band);
  // A table listing no unit between 0 and the band (金凤区's lists those at 10% or more).
  const listsOnlyAbove = !numbered.some(
    (s) => (s.value as number) > 0 && (s.value as number) < band,
  );
  const unlisted = standings.filter((s) => s.status === 'missing').sort(byOrder);
  const inferredBelow = listsOnlyAbove ? unlisted.filter((s) => (s.cases ?? 0) > 0) : [];
  const below = [
    ...best.filter((s) => (s.value as number) > 0 && (s.value as number) < band),
    ...inferredBelow,
  ];
  const zero = [...best.filter((s) => s.value === 0), ...unlisted.filter((s) => s.cases === 0)];
  const accounted = new Set([...above, ...below, ...zero].map((s) => s.id));
  const notReported = unlisted.filter((s) => !accounted.has(s.id));
  const notApplicable = standings.filter((s) => s.status === 'not_applicable').sort(byOrder);
  const notConnected = standings.filter((s) => s.status === 'not_connected').sort(byOrder);

  const bandText = `${band}%`;
  const parts: string[] = [];
  if (above.length > 0) {
    parts.push(
      `共有${above.length}个${noun}${nameZh}超过${bandText}（具体是：${above.map(withFigure).join('、')}）`,
    );
  }
  if (below.length > 0) {
    parts.push(
      `${below.length}个${noun}通过平台办理并产生办件量，但${nameZh}低于${bandText}（具体是：${below
        .map((s) => (s.status === 'number' ? withFigure(s) : s.name))
        .join('、')}）`,
    );
  }
  if (zero.length > 0) {
    const rest =
      notReported.length === 0 && notApplicable.length === 0 && notConnected.length === 0;
    parts.push(`${rest ? '其余' : ''}${zero.length}个${noun}${nameZh}为“0”`);
  }
  if (notReported.length > 0) {
    parts.push(
      `${notReported.length}个${noun}未报送${nameZh}数据（${notReported.map((s) => s.name).join('、')}）`,
    );
  }
  const unranked = notApplicableSentence(notApplicable, notConnected, nameZh);
  return parts.length > 0 ? `目前，${parts.join('；')}。${unranked}` : unranked || undefined;
}

/** "金凤区档案馆不涉及该项（“-”），未计入排名。" for the units the lists leave out. */
export function notApplicableSentence(
  notApplicable: readonly Standing[],
  notConnected: readonly Standing[],
  nameZh: string,
): string {
  const names = (list: readonly Standing[]) => list.map((s) => s.name).join('、');
  const parts: string[] = [];
  if (notApplicable.length > 0) parts.push(`${names(notApplicable)}不涉及${nameZh}统计（“-”）`);
  if (notConnected.length > 0) parts.push(`${names(notConnected)}系统未联通（“/”）`);
  return parts.length > 0 ? `${parts.join('；')}，未计入排名。` : '';
}
