import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import { assess, type AssessmentRow } from '@efficacy/assessment-engine';
import type { IndicatorCatalogue } from '@efficacy/indicator-model';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';
import type { Ranking, RankingRow } from './rankings.types';

/** Ranked rows first by rank, then the unranked in their listed order. */
export function rankOrder(rows: readonly AssessmentRow[]): AssessmentRow[] {
  const ranked = rows.filter((r) => r.rank !== undefined);
  const unranked = rows.filter((r) => r.rank === undefined);
  return [...ranked.sort((a, b) => (a.rank as number) - (b.rank as number)), ...unranked];
}

/** "11 个已报送中第 8（应报 17）" / "8 of 11 reported (17 expected)", and why others have none. */
export function labelRanks(
  rows: readonly AssessmentRow[],
  ranked: number,
  expected: number,
  neutral: boolean,
): RankingRow[] {
  return rows.map((row) => {
    if (row.rank !== undefined) {
      const more = expected > ranked;
      return {
        ...row,
        rankLabelZh: `${ranked} 个已报送中第 ${row.rank}${more ? `（应报 ${expected}）` : ''}`,
        rankLabelEn: `${row.rank} of ${ranked} reported${more ? ` (${expected} expected)` : ''}`,
      };
    }
    const unranked: RankingRow['unranked'] = neutral
      ? 'neutral'
      : row.value.status !== 'number'
        ? row.value.status
        : row.coverage?.partial
          ? 'partial'
          : undefined;
    return unranked ? { ...row, unranked } : { ...row };
  });
}

@Injectable()
export class RankingsService {
  constructor(
    private readonly contexts: AssessmentContextService,
    @Inject(INDICATOR_CATALOGUE_TOKEN) private readonly catalogue: IndicatorCatalogue,
  ) {}

  async rank(
    scope: DataScope,
    query: { region: string; period: string; indicator: string; asOf?: string },
  ): Promise<Ranking> {
    if (this.catalogue.versionsOf(query.indicator).length === 0) {
      throw new BadRequestException(
        `unknown indicator "${query.indicator}": see GET /api/indicators for the codes`,
      );
    }
    const { context } = await this.contexts.forRegion(scope, query.region, query.period);
    const assessment = runEngine(() =>
      assess(context, {
        regionCode: query.region,
        period: query.period,
        indicators: [query.indicator],
        ...(query.asOf ? { asOf: query.asOf } : {}),
      }),
    );
    const [indicator] = assessment.indicators;
    return {
      regionCode: assessment.regionCode,
      regionNameZh: assessment.regionNameZh,
      regionNameEn: assessment.regionNameEn,
      period: assessment.period,
      periodLabelZh: assessment.periodLabelZh,
      asOf: assessment.asOf,
      indicator: {
        code: indicator.code,
        version: indicator.version,
        nameZh: indicator.nameZh,
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        polarity: indicator.polarity,
        rounding: indicator.rounding,
        formulaZh: indicator.formulaZh,
        formulaEn: indicator.formulaEn,
      },
      region: indicator.region,
      ranked: indicator.ranked,
      expected: indicator.expected,
      rows: labelRanks(
        rankOrder(indicator.children),
        indicator.ranked,
        indicator.expected,
        indicator.polarity === 'neutral',
      ),
    };
  }
}
