/**
 * Rectification tasks (整改任务): the shapes of /api/tasks and /api/calendar. The workflow
 * (which action moves which state, who may take it, what it checks) is declared as a table in
 * `task-workflow.ts`, so that the API enforces and the console shows the same rules.
 */
import type { Permission } from './permissions';

export const TASK_STATES = [
  'draft',
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'signed_off',
  'closed',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_SOURCES = [
  'indicator',
  'discrepancy',
  'bad-review',
  'overdue-case',
  'plan-item',
  'free',
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_ACTIONS = [
  'assign',
  'acknowledge',
  'start',
  'submit',
  'sign_off',
  'return',
  'verify',
  'request_extension',
  'grant_extension',
  'refuse_extension',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Terminal states: nothing moves a task out of them. */
export const FINAL_STATES: readonly TaskState[] = ['closed', 'cancelled'];

/** What the machine needs to know about a task to decide an action. */
export interface TaskFacts {
  readonly state: TaskState;
  /** The current deadline (ISO date). */
  readonly deadline: string;
  readonly leadUnitId: string;
  /** The region of the level that opened the task (the opener's own region). */
  readonly openerRegion: string;
  readonly pendingExtension: boolean;
}

/** What the machine needs to know about who acts. */
export interface ActorFacts {
  readonly permissions: ReadonlySet<Permission> | readonly Permission[];
  /** Units the actor belongs to (department roles). */
  readonly units: readonly string[];
  /** Region codes the actor reaches (at or below their regions). */
  readonly regionCodes: readonly string[];
}

export interface ActionInput {
  readonly reason?: string;
  /** ISO date: the deadline asked for (request_extension). */
  readonly until?: string;
  /** Today, ISO date, for "before the deadline". */
  readonly today: string;
  /** Submission needs a report. */
  readonly report?: string;
}

export type Decision =
  | { readonly ok: true; readonly to: TaskState }
  | {
      readonly ok: false;
      readonly code: 'forbidden' | 'conflict' | 'invalid';
      readonly message: string;
    };

/** A real calendar date written YYYY-MM-DD (2022-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export type ReminderLevel = 'none' | 'due-soon' | 'due-today' | 'yellow' | 'red';

/** Working days before the deadline to warn, and after it to turn yellow, then red. */
export interface ReminderPolicy {
  readonly dueSoonDays: number;
  readonly yellowAfterDays: number;
  readonly redAfterDays: number;
}

/** GET /api/tasks/reminder-policy?region=: the thresholds in force for a region, and where set. */
export interface RegionReminderPolicy extends ReminderPolicy {
  readonly regionCode: string;
  /** The region (this one or one above) whose administrator set them; null: the default. */
  readonly setFor: string | null;
  readonly updatedBy: string | null;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  dueSoonDays: 2,
  yellowAfterDays: 1,
  redAfterDays: 3,
};

/** The reminder level for a task whose remaining working days are `remaining` (negative: overdue). */
export function reminderLevel(remaining: number, policy: ReminderPolicy): ReminderLevel {
  if (remaining > 0) return remaining <= policy.dueSoonDays ? 'due-soon' : 'none';
  if (remaining === 0) return 'due-today';
  const overdue = -remaining;
  if (overdue >= policy.redAfterDays) return 'red';
  if (overdue >= policy.yellowAfterDays) return 'yellow';
  return 'due-today';
}

/** States in which the deadline runs (the lead unit owes a submission). */
export const CLOCK_RUNNING: readonly TaskState[] = ['assigned', 'acknowledged', 'in_progress'];

export interface IndicatorSnapshot {
  readonly indicator: string;
  readonly indicatorNameZh?: string;
  readonly period: string;
  readonly subject: string;
  readonly value?: number;
  readonly display?: string;
  readonly target?: number;
  readonly comparator?: string;
  readonly status?: string;
  readonly gap?: number;
  readonly polarity?: string;
  readonly takenAt: string;
}

export type EffectResult = 'pending' | 'effective' | 'not_effective' | 'not_applicable';

export interface TaskSummary {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly source: TaskSource;
  readonly state: TaskState;
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly leadUnitId: string;
  readonly leadUnitNameZh: string;
  readonly coUnitIds: readonly string[];
  readonly openerRegion: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly originalDeadline: string;
  readonly deadline: string;
  readonly indicator: string | null;
  readonly period: string | null;
  readonly pendingExtension: { readonly until: string; readonly reason: string } | null;
  /** Working days the deadline was counted in from the opening day; null for a date given. */
  readonly workingDays: number | null;
  /**
   * 暂定: the deadline was counted across a year whose national notice is not loaded yet
   * (weekdays only); it is counted again, with the same working days, once the notice is in.
   */
  readonly provisional: boolean;
  /** The years without their notice that the deadline was counted across. */
  readonly provisionalYears: readonly number[];
  /** Elapsed and remaining days were counted across a year without its notice. */
  readonly clockProvisional: boolean;
  readonly remainingWorkingDays: number | null;
  readonly elapsedWorkingDays: number | null;
  readonly overdueWorkingDays: number;
  readonly reminder: ReminderLevel;
  readonly effect: EffectResult | null;
}

export interface TaskEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly fromState: TaskState | null;
  readonly toState: TaskState | null;
  readonly reason: string | null;
  readonly data: Record<string, unknown> | null;
}

export interface TaskEvidence {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export interface TaskDetail extends TaskSummary {
  readonly detail: string;
  readonly snapshot: IndicatorSnapshot | null;
  readonly sourceRef: string | null;
  readonly report: string | null;
  readonly effectSnapshot: IndicatorSnapshot | null;
  readonly events: readonly TaskEvent[];
  readonly evidence: readonly TaskEvidence[];
  readonly actions: readonly TaskAction[];
}

export interface OpenTaskRequest {
  readonly source: TaskSource;
  readonly title: string;
  readonly detail?: string;
  readonly leadUnitId: string;
  readonly coUnitIds?: readonly string[];
  readonly indicator?: string;
  readonly period?: string;
  /** The unit whose figure fell short, when it is not the lead unit. */
  readonly subjectUnitId?: string;
  /** The region whose own figure fell short. */
  readonly subjectRegion?: string;
  readonly sourceRef?: string;
  /** Working days from today; or an explicit deadline. */
  readonly workingDays?: number;
  readonly deadline?: string;
  /** Assign at once (default true); false keeps a draft. */
  readonly assign?: boolean;
}

export interface BulkOpenRequest {
  readonly indicator: string;
  readonly period: string;
  readonly region: string;
  /** Working days from today; or an explicit deadline. */
  readonly workingDays?: number;
  readonly deadline?: string;
  /** Only these units among those below target (the ones ticked after a look); all when absent. */
  readonly units?: readonly string[];
}

export interface BulkOpenResult {
  readonly opened: readonly TaskSummary[];
  /** Units below target that already had an open task for the indicator and period. */
  readonly skipped: ReadonlyArray<{ readonly unitId: string; readonly taskId: string }>;
}

export type TaskInbox = 'unit' | 'sign-off' | 'verify' | 'opened' | 'all';

export interface CityViewRow {
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly byState: Partial<Record<TaskState, number>>;
  readonly open: number;
  readonly overdue: number;
  readonly red: number;
}

/** Where a calendar day comes from: the `chinese-days` package, a loaded notice, or one entry. */
export type CalendarSource = 'package' | 'notice' | 'entered';

export interface CalendarEntry {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
  /** '' for national entries. */
  readonly regionPrefix: string;
  readonly updatedBy: string | null;
  readonly source: CalendarSource;
  /** The loaded notice the day came with, if any. */
  readonly noticeId: string | null;
}

export interface CalendarNoticeDay {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  /** As the notice prints it, e.g. 春节 or 春节调休上班. */
  readonly name: string;
}

/**
 * A year's notice as an administrator loads it: the State Council's
 * 国务院办公厅关于YYYY年部分节假日安排的通知 (no `regionPrefix`), or a region's own notice of its
 * days (宁夏's 开斋节 and 古尔邦节, `regionPrefix` 64). Loading the same year and prefix again
 * replaces the earlier notice and its days.
 */
export interface LoadCalendarNoticeRequest {
  readonly year: number;
  readonly title: string;
  /** e.g. 国办发明电〔2026〕7号 */
  readonly documentNumber?: string;
  readonly regionPrefix?: string;
  readonly days: readonly CalendarNoticeDay[];
}

export interface CalendarNotice {
  readonly id: string;
  readonly year: number;
  /** '' for the State Council's notice. */
  readonly regionPrefix: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly dayCount: number;
  readonly loadedBy: string;
  readonly loadedAt: string;
}

export interface RecomputedDeadline {
  readonly taskId: string;
  readonly number: number;
  readonly from: string;
  readonly to: string;
  readonly workingDays: number;
  /** Years still without their notice after the recount (empty: final). */
  readonly provisionalYears: readonly number[];
}

export interface LoadCalendarNoticeResult {
  readonly notice: CalendarNotice;
  /** The notice this one replaced (same year and prefix), if any. */
  readonly replaced: CalendarNotice | null;
  /** Open tasks whose deadline was counted again on the loaded days. */
  readonly recomputed: readonly RecomputedDeadline[];
}

/** How a year's national days are known: from the package, a loaded notice, or not yet (暂定). */
export type CalendarYearBasis = 'package' | 'notice' | 'provisional';

export interface CalendarYearStatus {
  readonly year: number;
  readonly national: CalendarYearBasis;
  readonly notice: CalendarNotice | null;
  readonly regionalNotices: readonly CalendarNotice[];
}

export interface CalendarWarning {
  /** The year whose national notice is missing. */
  readonly year: number;
  readonly message: string;
}

export interface CalendarCoverage {
  /** Beijing date on the API's clock. */
  readonly today: string;
  /** Years with their national notice (package or loaded), ascending. */
  readonly coveredYears: readonly number[];
  /** The years the package carries: first and last. */
  readonly packageYears: readonly [number, number];
  /** Every year from the package's last onward, up to next year and any loaded notice. */
  readonly years: readonly CalendarYearStatus[];
  readonly warning: CalendarWarning | null;
}

/**
 * The notice that should be in by `today` (a Beijing date): this year's, and from December on
 * next year's too (the State Council publishes it in the autumn). Null when both are covered.
 */
export function missingNoticeWarning(
  today: string,
  coveredYears: readonly number[],
): CalendarWarning | null {
  const year = Number(today.slice(0, 4));
  const wanted = Number(today.slice(5, 7)) === 12 ? [year, year + 1] : [year];
  const missing = wanted.find((y) => !coveredYears.includes(y));
  if (missing === undefined) return null;
  return {
    year: missing,
    message:
      `the State Council notice for ${missing} (国务院办公厅关于${missing}年部分节假日安排的通知) is not loaded: ` +
      `deadlines in ${missing} are provisional (暂定, counted on weekdays) until it is; load it on the ` +
      `工作日历 page, with POST /api/calendar/notices or with efficacy calendar notice load <file.json>`,
  };
}

/** `2004–2026`, or the years one by one where they do not run on. */
export function describeYears(years: readonly number[]): string {
  if (!years.length) return 'no year';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous && years.length > 1
    ? `${years[0]}–${years[years.length - 1]}`
    : years.join(', ');
}

/** The digits that name a region's area: 640100 → 6401, 640000 → 64, 640106 → 640106. */
export function areaPrefix(regionCode: string): string {
  let code = regionCode;
  while (code.length > 2 && code.endsWith('00')) code = code.slice(0, -2);
  return code;
}

/**
 * Whether calendar days under `prefix` apply to one of the user's regions: the nation's and
 * the province's days do (public facts every administrator below may enter), the user's own
 * area and what lies in it do; another province's or city's days do not.
 */
export function calendarPrefixApplies(prefix: string, userRegions: readonly string[]): boolean {
  return userRegions.some((region) => {
    const area = areaPrefix(region);
    return area.startsWith(prefix) || prefix.startsWith(area);
  });
}
