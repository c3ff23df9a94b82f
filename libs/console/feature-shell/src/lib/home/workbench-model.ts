import type {
  Assessment,
  BulletinSummary,
  CaseImportSummary,
  CaseUnmatchedUnit,
  CityViewRow,
  TaskSummary,
} from '@efficacy/api-contract';
import { behind, type BehindEntry } from '@efficacy/console/ui';

/** The laggards of a period, worst first: only cells that missed their target. */
export function laggards(assessment: Assessment, limit = 5): BehindEntry[] {
  return behind(assessment)
    .filter((e) => e.row.target?.status === 'missed')
    .slice(0, limit);
}

export interface TaskCounts {
  readonly open: number;
  readonly overdue: number;
  readonly red: number;
}

export function taskCounts(rows: readonly CityViewRow[]): TaskCounts {
  return rows.reduce(
    (sum, r) => ({
      open: sum.open + r.open,
      overdue: sum.overdue + r.overdue,
      red: sum.red + r.red,
    }),
    { open: 0, overdue: 0, red: 0 },
  );
}

/** Tasks still running, the nearest deadline first (overdue ones lead). */
export function byDeadline(tasks: readonly TaskSummary[]): TaskSummary[] {
  return tasks
    .filter((t) => t.state !== 'closed' && t.state !== 'cancelled')
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number - b.number);
}

/** Where the period's bulletin for the region stands. */
export type BulletinState = 'published' | 'draft' | 'due';

export function bulletinState(
  bulletins: readonly BulletinSummary[],
  period: string,
): { state: BulletinState; bulletin: BulletinSummary | null } {
  const ofPeriod = bulletins.filter((b) => b.period === period && !b.correctsId);
  const published = ofPeriod.find((b) => b.status === 'published');
  if (published) return { state: 'published', bulletin: published };
  const draft = ofPeriod.find((b) => b.status === 'draft');
  if (draft) return { state: 'draft', bulletin: draft };
  return { state: 'due', bulletin: null };
}

/** Department names of case imports that matched no unit, summed over imports, most cases first. */
export function unmatchedUnits(imports: readonly CaseImportSummary[]): CaseUnmatchedUnit[] {
  const byName = new Map<string, CaseUnmatchedUnit>();
  for (const i of imports)
    for (const u of i.unmatchedUnits) {
      const key = `${u.regionCode}|${u.name}`;
      const known = byName.get(key);
      byName.set(key, { ...u, cases: (known?.cases ?? 0) + u.cases });
    }
  return [...byName.values()].sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name));
}
