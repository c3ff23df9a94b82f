import type {
  Assessment,
  AssessmentRow,
  IndicatorAssessment,
  Provenance,
  Signal,
  SignalKind,
  Subject,
  Warning,
} from '@efficacy/api-contract';
import { behind, subjectKey } from '@efficacy/console/ui';

type Language = 'zh-CN' | 'en';
type Severity = 'high' | 'medium' | 'low';

/** Query parameters of the prefilled "new task" page (/tasks/new). */
export type TaskPrefill = Readonly<Record<string, string>>;

export interface BelowTargetItem {
  readonly key: string;
  readonly indicator: IndicatorAssessment;
  readonly row: AssessmentRow;
  readonly status: 'missed' | 'close';
  readonly task: TaskPrefill;
  /** Department, township or street, service centre, or a sub-region, for telling them apart. */
  readonly group: SubjectGroup;
  /** The assessed region the row belongs to: the page's region or one of its counties. */
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
}

/** What kind of subject a row is, as a supervisor groups them. */
export type SubjectGroup = 'department' | 'township' | 'centre' | 'region';
export const SUBJECT_GROUPS: readonly SubjectGroup[] = [
  'department',
  'township',
  'centre',
  'region',
];

/** The group of a row's kind (a region level or a unit kind). */
export function groupOf(kind: string): SubjectGroup {
  if (kind === 'township' || kind === 'village') return 'township';
  if (kind === 'service-centre' || kind === 'service-hall' || kind === 'hall-window')
    return 'centre';
  if (kind === 'province' || kind === 'city' || kind === 'county') return 'region';
  return 'department';
}

/** How far behind a row is: missed before close, then by the gap relative to the target. */
export function shortfall(item: Pick<BelowTargetItem, 'row'>): number {
  const t = item.row.target;
  const rel = t?.gap !== undefined && t.value ? Math.abs(t.gap) / Math.abs(t.value) : 0;
  return (t?.status === 'missed' ? 10 : 0) + rel;
}

/**
 * A city's laggards with the departments, townships and centres of all its counties: the
 * city's own assessment ranks counties; each county's adds its units. Worst first.
 */
export function cityBelowTarget(
  own: readonly BelowTargetItem[],
  counties: readonly Assessment[],
): BelowTargetItem[] {
  const seen = new Set(own.map((i) => i.key));
  const merged = [...own];
  for (const a of counties)
    for (const item of belowTargetOf(a))
      if (!seen.has(item.key)) {
        seen.add(item.key);
        merged.push(item);
      }
  return merged.sort((a, b) => shortfall(b) - shortfall(a));
}

/** The sub-regions of type county the assessment ranks (a city's counties). */
export function countiesOf(assessment: Assessment): string[] {
  const codes = new Set<string>();
  for (const i of assessment.indicators)
    for (const row of i.children)
      if (row.subject.kind === 'region' && row.kind === 'county') codes.add(row.subject.code);
  return [...codes];
}

function belowTargetOf(assessment: Assessment): BelowTargetItem[] {
  return behind(assessment).map(({ row, indicator }) => ({
    key: `${indicator.code}:${subjectKey(row.subject)}`,
    indicator,
    row,
    status: row.target?.status === 'missed' ? ('missed' as const) : ('close' as const),
    task: {
      source: 'indicator',
      indicator: indicator.code,
      ...placeOf(row.subject, assessment.regionCode),
      period: assessment.period,
    },
    group: groupOf(row.kind),
    regionCode: assessment.regionCode,
    regionNameZh: assessment.regionNameZh,
    regionNameEn: assessment.regionNameEn,
  }));
}

/** A signal or a discrepancy, in the shape the supervision tables show. */
export interface Finding {
  readonly key: string;
  readonly kind: SignalKind | 'discrepancy';
  /** The discrepancy's rule code, or the signal's kind. */
  readonly code: string;
  readonly severity: Severity;
  readonly subject: Subject;
  readonly subjectName: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly items: readonly string[];
  /** The cells the finding was read from: file, sheet, row and column. */
  readonly cells: readonly Provenance[];
  readonly expected?: number;
  readonly actual?: number;
  readonly task: TaskPrefill;
}

export interface SupervisionModel {
  /** Children below a target on any indicator, missed first, then by relative gap. */
  readonly belowTarget: readonly BelowTargetItem[];
  /** Units with no case at all, and items with no case, this period. */
  readonly zeroCase: readonly Finding[];
  /** Figures that disagree: totals vs rows, printed rates vs counts, one source vs another. */
  readonly discrepancies: readonly Finding[];
  /** Items kept "covered" by labelled test cases or a trickle of cases (刷量). */
  readonly gaming: readonly Finding[];
}

const ZERO_CASE: ReadonlySet<SignalKind> = new Set(['zero-case-unit', 'zero-case-items']);
const GAMING: ReadonlySet<SignalKind> = new Set([
  'test-case-only-items',
  'items-below-monthly-minimum',
]);
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Names of the subjects a finding can be about: the assessment's rows, units, regions. */
export type SubjectNames = ReadonlyMap<string, { zh: string; en?: string }>;

function nameOf(subject: Subject, names: SubjectNames, language: Language): string {
  const known = names.get(subjectKey(subject));
  if (known) return language === 'en' ? (known.en ?? known.zh) : known.zh;
  return subject.kind === 'region' ? subject.code : subject.id;
}

/** The detail page of a region or unit; unit groups have none. */
export function detailPath(subject: Subject): string[] | null {
  if (subject.kind === 'region') return ['/detail', 'region', subject.code];
  if (subject.kind === 'unit') return ['/detail', 'unit', subject.id];
  return null;
}

/** Where a task about this subject belongs: the unit and its region, or the region itself. */
function placeOf(subject: Subject, regionCode: string): Record<string, string> {
  if (subject.kind === 'unit') return { unit: subject.id, region: regionCode };
  if (subject.kind === 'region') return { region: subject.code };
  return { region: regionCode };
}

function findingFromSignal(
  signal: Signal,
  assessment: Assessment,
  names: SubjectNames,
  language: Language,
): Finding {
  const message = language === 'en' ? signal.messageEn : signal.messageZh;
  const items = signal.items ?? [];
  const detail = items.length ? `${signal.messageZh}：${items.join('、')}` : signal.messageZh;
  return {
    key: `${signal.kind}:${subjectKey(signal.subject)}`,
    kind: signal.kind,
    code: signal.kind,
    severity: signal.severity,
    subject: signal.subject,
    subjectName: nameOf(signal.subject, names, language),
    message,
    hints: [],
    items,
    cells: signal.cells,
    task: {
      source: signal.kind === 'case-volume-sources-disagree' ? 'discrepancy' : 'free',
      ...placeOf(signal.subject, assessment.regionCode),
      period: assessment.period,
      title: signal.messageZh,
      detail,
    },
  };
}

function findingFromWarning(
  warning: Warning,
  index: number,
  assessment: Assessment,
  names: SubjectNames,
  language: Language,
): Finding {
  const cell = warning.cell;
  const where = cell
    ? `（${[
        cell.file,
        cell.sheet,
        cell.row ? `第${cell.row}行` : '',
        cell.column ? `${cell.column}列` : '',
      ]
        .filter(Boolean)
        .join(' ')}）`
    : '';
  return {
    key: `discrepancy:${warning.code}:${subjectKey(warning.subject)}:${warning.measure ?? warning.indicator ?? ''}:${index}`,
    kind: 'discrepancy',
    code: warning.code,
    severity:
      warning.severity === 'error' ? 'high' : warning.severity === 'warning' ? 'medium' : 'low',
    subject: warning.subject,
    subjectName: nameOf(warning.subject, names, language),
    message: language === 'en' ? warning.messageEn : warning.messageZh,
    hints: (language === 'en' ? warning.hintsEn : warning.hintsZh) ?? [],
    items: [],
    cells: [...(cell ? [cell] : []), ...(warning.related ?? [])],
    expected: warning.expected,
    actual: warning.actual,
    task: {
      source: 'discrepancy',
      ...placeOf(warning.subject, assessment.regionCode),
      period: assessment.period,
      title: `数据核实：${nameOf(warning.subject, names, 'zh-CN')}`,
      detail: `${warning.messageZh}${where}`,
    },
  };
}

const bySeverity = (a: Finding, b: Finding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  a.subjectName.localeCompare(b.subjectName, 'zh-CN');

/** Everything a supervisor should act on in one region and period, with a task prefill each. */
export function supervisionModel(
  assessment: Assessment,
  names: SubjectNames,
  language: Language,
): SupervisionModel {
  const belowTarget = belowTargetOf(assessment);
  const signals = assessment.signals.map((s) => findingFromSignal(s, assessment, names, language));
  const warnings = assessment.warnings.map((w, i) =>
    findingFromWarning(w, i, assessment, names, language),
  );
  return {
    belowTarget,
    zeroCase: signals.filter((f) => ZERO_CASE.has(f.kind as SignalKind)).sort(bySeverity),
    discrepancies: [
      ...signals.filter((f) => f.kind === 'case-volume-sources-disagree'),
      ...warnings,
    ].sort(bySeverity),
    gaming: signals.filter((f) => GAMING.has(f.kind as SignalKind)).sort(bySeverity),
  };
}

/** Subject names from the assessment's own rows, the region tree and the unit list. */
export function subjectNames(
  assessment: Assessment,
  regions: ReadonlyMap<string, string>,
  units: ReadonlyArray<{ id: string; nameZh: string; nameEn?: string }>,
): SubjectNames {
  const names = new Map<string, { zh: string; en?: string }>();
  for (const [code, zh] of regions) names.set(subjectKey({ kind: 'region', code }), { zh });
  for (const u of units)
    names.set(subjectKey({ kind: 'unit', id: u.id }), { zh: u.nameZh, en: u.nameEn });
  for (const indicator of assessment.indicators)
    for (const row of [indicator.region, ...indicator.children])
      names.set(subjectKey(row.subject), { zh: row.nameZh, en: row.nameEn });
  return names;
}
