import type {
  Assessment,
  AssessmentRow,
  IndicatorAssessment,
  Subject,
} from '@efficacy/api-contract';

/** One line of the detail table: an indicator as it stands for the region or unit shown. */
export interface DetailRow {
  readonly indicator: IndicatorAssessment;
  readonly row: AssessmentRow;
  /** Rank among its siblings, and how many siblings have a rank: "1 of 2 reported". */
  readonly rank?: number;
  readonly rankedOf?: number;
  /** How many siblings the registry expects to be ranked: "(7 expected)". */
  readonly expectedOf?: number;
}

const same = (a: Subject, b: Subject) =>
  a.kind === b.kind &&
  (a.kind === 'region'
    ? a.code === (b as { code: string }).code
    : a.id === (b as { id: string }).id);

/**
 * The subject's own row for every indicator: from its own assessment for a region (rank from
 * the parent's, when the parent is in scope), or from its region's children for a unit.
 */
export function detailRows(
  subject: Subject,
  own: Assessment,
  parent: Assessment | null,
): DetailRow[] {
  if (subject.kind === 'region') {
    return own.indicators.map((indicator) => {
      const sibling = parent?.indicators
        .find((p) => p.code === indicator.code)
        ?.children.find((c) => same(c.subject, subject));
      const parentIndicator = parent?.indicators.find((p) => p.code === indicator.code);
      return {
        indicator,
        row: indicator.region,
        ...(sibling?.rank !== undefined ? { rank: sibling.rank } : {}),
        ...(sibling?.rank !== undefined && parentIndicator
          ? { rankedOf: parentIndicator.ranked, expectedOf: parentIndicator.expected }
          : {}),
      };
    });
  }
  return own.indicators.flatMap((indicator) => {
    const row = indicator.children.find((c) => same(c.subject, subject));
    if (!row) return [];
    return [
      {
        indicator,
        row,
        ...(row.rank !== undefined
          ? { rank: row.rank, rankedOf: indicator.ranked, expectedOf: indicator.expected }
          : {}),
      },
    ];
  });
}
