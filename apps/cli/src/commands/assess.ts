import type { Command } from 'commander';
import type {
  Assessment,
  AssessmentRow,
  IndicatorAssessment,
  TargetStatus,
  Coverage,
  CoverageMember,
} from '@efficacy/assessment-engine';
import { normalisePeriod, PeriodError } from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import { apiRequest } from '../lib/session';
import type { CliSettings } from '../lib/settings';
import { renderTable } from '../lib/text-table';

/**
 * The indicators a bulletin leads with, in its order; the table shows those with figures
 * first, then any other indicator with figures, up to MAX_COLUMNS.
 */
export const HEADLINE_INDICATORS: readonly string[] = [
  'item_coverage',
  'offline_evaluation_rate',
  'satisfaction',
  'bad_review_rectification_rate',
  'overdue_rate',
  'on_time_rate',
  'elicence_growth',
  'immediate_item_share',
  'time_limit_compression',
  'claim_rate',
  'publish_rate',
  'active_evaluation_rate',
];

const MAX_COLUMNS = 6;

const STATUS_MARK: Record<TargetStatus, string> = {
  met: '✓',
  close: '≈',
  missed: '✗',
  unknown: '?',
  // Too few members reported to judge the aggregate as a whole.
  partial: '…',
};

function hasFigure(row: AssessmentRow): boolean {
  return row.value.status === 'number' || row.value.reported !== undefined;
}

/** The columns: the named indicators, or the headline ones that have figures. */
export function chooseIndicators(
  assessment: Assessment,
  wanted?: readonly string[],
): { columns: IndicatorAssessment[]; more: number } {
  if (wanted && wanted.length > 0) {
    const unknown = wanted.filter((code) => !assessment.indicators.some((i) => i.code === code));
    if (unknown.length > 0) {
      throw new CliError(
        `no figures or targets for ${unknown.join(', ')} in ${assessment.regionNameZh} ${assessment.period}; ` +
          `available: ${assessment.indicators.map((i) => i.code).join(', ') || 'none'}`,
      );
    }
    return {
      columns: assessment.indicators
        .filter((i) => wanted.includes(i.code))
        .sort((a, b) => wanted.indexOf(a.code) - wanted.indexOf(b.code)),
      more: 0,
    };
  }
  // Beyond the headline list, an indicator earns a column only where a target asks for it:
  // the Gansu plan's variants of the same counts would otherwise crowd the table.
  const withFigures = assessment.indicators.filter(
    (i) =>
      (hasFigure(i.region) || i.children.some(hasFigure)) &&
      (HEADLINE_INDICATORS.includes(i.code) || i.region.target !== undefined),
  );
  const rank = (code: string) => {
    const index = HEADLINE_INDICATORS.indexOf(code);
    return index === -1 ? HEADLINE_INDICATORS.length : index;
  };
  const ordered = [...withFigures].sort((a, b) => rank(a.code) - rank(b.code));
  return {
    columns: ordered.slice(0, MAX_COLUMNS),
    more: Math.max(0, ordered.length - MAX_COLUMNS),
  };
}

/**
 * "98.87 ✓ #8/11": value as printed, target status, rank among the children that reported;
 * an aggregate that misses members adds "[1/2]" (reported of expected).
 */
export function formatCell(row: AssessmentRow | undefined, ranked?: number): string {
  if (!row) return '';
  const parts = [row.value.display === '' ? '·' : row.value.display];
  // Without a number there is nothing to hold against the target: "/" says enough.
  if (row.target && row.value.status === 'number') parts.push(STATUS_MARK[row.target.status]);
  if (row.rank !== undefined)
    parts.push(ranked !== undefined ? `#${row.rank}/${ranked}` : `#${row.rank}`);
  const c = row.coverage;
  if (c && row.value.status === 'number' && c.expected > 0 && c.reported < c.expected)
    parts.push(`[${c.reported}/${c.expected}]`);
  return parts.join(' ');
}

const MEMBER_NOUN: Record<Coverage['memberLevel'], string> = {
  province: '省',
  city: '市',
  county: '县区',
  township: '乡镇（街道）',
  village: '村（社区）',
  unit: '单位',
};

/** "2 个县区中 1 个已报送（部分报送…）；未报送：灵武市" for a region's own figure. */
export function coverageLine(row: AssessmentRow): string | undefined {
  const c = row.coverage;
  if (!c || c.expected === 0 || row.value.status !== 'number') return undefined;
  const parts = [`${c.expected} 个${MEMBER_NOUN[c.memberLevel]}中 ${c.reported} 个已报送`];
  if (c.partial) parts.push('部分报送，不排名、不判定达标');
  else if (c.printedTotal && c.reported < c.expected) parts.push('采用源表印刷的本级合计');
  const names = (members: readonly CoverageMember[]) => members.map((m) => m.nameZh).join('、');
  if (c.missing.length > 0) parts.push(`未报送：${names(c.missing)}`);
  if (c.notApplicable.length > 0) parts.push(`不适用（-）：${names(c.notApplicable)}`);
  if (c.notConnected.length > 0) parts.push(`未联通（/）：${names(c.notConnected)}`);
  return parts.join('；');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function subjectKey(row: AssessmentRow): string {
  return row.subject.kind === 'region'
    ? `region:${row.subject.code}`
    : `${row.subject.kind}:${row.subject.id}`;
}

function targetText(indicator: IndicatorAssessment): string {
  const target = indicator.region.target;
  if (!target) return '';
  if (target.comparator === 'improve' || target.value === undefined) return '持续提升';
  const symbol = target.comparator === '>=' ? '≥' : target.comparator === '<=' ? '≤' : '=';
  return `${symbol}${target.value}`;
}

/** The assessment as a terminal table: rows are the region and its children, columns indicators. */
export function formatAssessment(assessment: Assessment, wanted?: readonly string[]): string[] {
  const { columns, more } = chooseIndicators(assessment, wanted);
  const title = `${assessment.regionNameZh} ${assessment.regionCode} · ${assessment.periodLabelZh} (${assessment.period}) · as of ${assessment.asOf}`;
  if (columns.length === 0) {
    return [
      title,
      '',
      "  No figures for this region and period in your scope: import the period's tables first.",
    ];
  }
  // Children are the same subjects in every indicator; the first column lists them once.
  const subjects = new Map<string, AssessmentRow>();
  for (const indicator of columns) {
    for (const row of indicator.children) {
      if (!subjects.has(subjectKey(row))) subjects.set(subjectKey(row), row);
    }
  }
  const cellsFor = (key: string) =>
    columns.map((indicator) =>
      formatCell(
        indicator.children.find((r) => subjectKey(r) === key),
        indicator.ranked,
      ),
    );
  const header = [
    '单位 / 地区',
    ...columns.map((i) => {
      const target = targetText(i);
      return `${i.nameZh}${i.unit === 'percent' ? '%' : ''}${target ? ` (${target})` : ''}`;
    }),
  ];
  const rows = [
    [`${assessment.regionNameZh}（合计）`, ...columns.map((i) => formatCell(i.region))],
    ...[...subjects.entries()].map(([key, row]) => [row.nameZh, ...cellsFor(key)]),
  ];
  const lines = [title, '', ...renderTable(header, rows)];
  const coverage = columns.flatMap((i) => {
    const line = coverageLine(i.region);
    return line ? [`  ${i.nameZh}：${assessment.regionNameZh}${line}`] : [];
  });
  if (coverage.length > 0) lines.push('', '  报送情况 (coverage):', ...coverage);
  lines.push(
    '',
    '  ✓ target met  ≈ close  ✗ missed  ? cannot tell  … partial (too few reported: not ranked or judged)',
    '  #n/m rank among the m children that reported  [r/e] r of e members reported  / not connected  - not applicable (printed "-")  · not reported (nothing in the file)',
  );
  if (more > 0) {
    lines.push(`  ${plural(more, 'more indicator')} with figures: --indicators <codes> or --json.`);
  }
  if (assessment.warnings.length > 0 || assessment.signals.length > 0) {
    lines.push(
      `  ${plural(assessment.warnings.length, 'warning')} and ${plural(assessment.signals.length, 'signal')}: see --json or GET /api/signals.`,
    );
  }
  return lines;
}

export interface AssessOptions {
  region: string;
  period: string;
  asOf?: string;
  indicators?: string;
  json?: boolean;
}

export function registerAssess(program: Command, settings: CliSettings): void {
  program
    .command('assess')
    .description(
      'assess a region and its children for a period: value, target status and rank per indicator',
    )
    .requiredOption('--region <code>', 'region code, e.g. 640106')
    .requiredOption(
      '--period <period>',
      'period: 2022-08, 2022-Q3, 2022-H1, 2022 or 2022-01..2022-08',
    )
    .option('--as-of <date>', 'hierarchy and indicator-version day (YYYY-MM-DD)')
    .option('--indicators <codes>', 'comma-separated indicator codes to show as columns')
    .option('--json', "print the API's assessment as JSON")
    .action(async (options: AssessOptions) => {
      let period: string;
      try {
        period = normalisePeriod(options.period);
      } catch (error) {
        if (error instanceof PeriodError) throw new CliError(error.message);
        throw error;
      }
      const query = new URLSearchParams({ region: options.region, period });
      if (options.asOf) query.set('asOf', options.asOf);
      const assessment = await apiRequest<Assessment>(settings, `/assessments?${query}`);
      if (options.json) {
        console.log(JSON.stringify(assessment, null, 2));
        return;
      }
      const wanted = options.indicators
        ?.split(',')
        .map((c) => c.trim())
        .filter((c) => c.length > 0);
      for (const line of formatAssessment(assessment, wanted)) console.log(line);
    });
}
