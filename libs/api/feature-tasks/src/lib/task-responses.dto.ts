// Response shapes of the endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import { ApiProperty } from '@nestjs/swagger';
import {
  type TaskSummary,
  type ReminderLevel,
  type TaskDetail,
  type IndicatorSnapshot,
  type TaskEvent,
  type TaskEvidence,
  type BulkOpenResult,
  type CityViewRow,
  type RegionReminderPolicy,
  type ReminderPolicy,
  type CalendarEntry,
  type CalendarSource,
  type CalendarCoverage,
  type CalendarYearStatus,
  type CalendarYearBasis,
  type CalendarNotice,
  type CalendarWarning,
  type LoadCalendarNoticeResult,
  type RecomputedDeadline,
} from '@efficacy/api-contract';

export class TaskSummaryPendingExtensionDto {
  until!: string;

  reason!: string;
}

export class TaskSummaryDto implements TaskSummary {
  id!: string;

  number!: number;

  title!: string;

  source!: 'indicator' | 'discrepancy' | 'bad-review' | 'overdue-case' | 'plan-item' | 'free';

  state!:
    | 'draft'
    | 'assigned'
    | 'acknowledged'
    | 'in_progress'
    | 'submitted'
    | 'signed_off'
    | 'closed'
    | 'cancelled';

  regionCode!: string;

  regionNameZh!: string;

  leadUnitId!: string;

  leadUnitNameZh!: string;

  coUnitIds!: string[];

  openerRegion!: string;

  openedBy!: string;

  openedAt!: string;

  originalDeadline!: string;

  deadline!: string;

  indicator!: string | null;

  period!: string | null;

  @ApiProperty({ type: () => TaskSummaryPendingExtensionDto, nullable: true })
  pendingExtension!: TaskSummaryPendingExtensionDto | null;

  /** Working days the deadline was counted in from the opening day; null for a date given. */
  workingDays!: number | null;

  /** 暂定: the deadline was counted across a year whose national notice is not loaded yet (weekdays only); it is counted again, with the same working days, once the notice is in. */
  provisional!: boolean;

  /** The years without their notice that the deadline was counted across. */
  provisionalYears!: number[];

  /** Elapsed and remaining days were counted across a year without its notice. */
  clockProvisional!: boolean;

  remainingWorkingDays!: number | null;

  elapsedWorkingDays!: number | null;

  overdueWorkingDays!: number;

  reminder!: ReminderLevel;

  effect!: 'pending' | 'effective' | 'not_effective' | 'not_applicable' | null;
}

export class IndicatorSnapshotDto implements IndicatorSnapshot {
  indicator!: string;

  indicatorNameZh?: string;

  period!: string;

  subject!: string;

  value?: number;

  display?: string;

  target?: number;

  comparator?: string;

  status?: string;

  gap?: number;

  polarity?: string;

  takenAt!: string;
}

export class TaskEventDto implements TaskEvent {
  id!: string;

  at!: string;

  actor!: string;

  action!: string;

  fromState!:
    | 'draft'
    | 'assigned'
    | 'acknowledged'
    | 'in_progress'
    | 'submitted'
    | 'signed_off'
    | 'closed'
    | 'cancelled'
    | null;

  toState!:
    | 'draft'
    | 'assigned'
    | 'acknowledged'
    | 'in_progress'
    | 'submitted'
    | 'signed_off'
    | 'closed'
    | 'cancelled'
    | null;

  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  data!: TaskEvent['data'];
}

export class TaskEvidenceDto implements TaskEvidence {
  id!: string;

  fileName!: string;

  mediaType!: string;

  size!: number;

  sha256!: string;

  uploadedBy!: string;

  uploadedAt!: string;
}

export class TaskDetailDto extends TaskSummaryDto implements TaskDetail {
  detail!: string;

  @ApiProperty({ type: () => IndicatorSnapshotDto, nullable: true })
  snapshot!: IndicatorSnapshotDto | null;

  sourceRef!: string | null;

  report!: string | null;

  @ApiProperty({ type: () => IndicatorSnapshotDto, nullable: true })
  effectSnapshot!: IndicatorSnapshotDto | null;

  events!: TaskEventDto[];

  evidence!: TaskEvidenceDto[];

  actions!: (
    | 'assign'
    | 'acknowledge'
    | 'start'
    | 'submit'
    | 'sign_off'
    | 'return'
    | 'verify'
    | 'request_extension'
    | 'grant_extension'
    | 'refuse_extension'
    | 'cancel'
  )[];
}

export class BulkOpenResultSkippedDto {
  unitId!: string;

  taskId!: string;
}

export class BulkOpenResultDto implements BulkOpenResult {
  opened!: TaskSummaryDto[];

  /** Units below target that already had an open task for the indicator and period. */
  skipped!: BulkOpenResultSkippedDto[];
}

/** Make all properties in T optional */
export class CityViewRowByStateDto {
  draft?: number;

  assigned?: number;

  acknowledged?: number;

  in_progress?: number;

  submitted?: number;

  signed_off?: number;

  closed?: number;

  cancelled?: number;
}

export class CityViewRowDto implements CityViewRow {
  regionCode!: string;

  regionNameZh!: string;

  byState!: CityViewRowByStateDto;

  open!: number;

  overdue!: number;

  red!: number;
}

/** Working days before the deadline to warn, and after it to turn yellow, then red. */
export class ReminderThresholdsDto implements ReminderPolicy {
  dueSoonDays!: number;

  yellowAfterDays!: number;

  redAfterDays!: number;
}

/** GET /api/tasks/reminder-policy?region=: the thresholds in force for a region, and where set. */
export class RegionReminderPolicyDto extends ReminderThresholdsDto implements RegionReminderPolicy {
  regionCode!: string;

  /** The region (this one or one above) whose administrator set them; null: the default. */
  setFor!: string | null;

  updatedBy!: string | null;
}

export class CalendarEntryDto implements CalendarEntry {
  date!: string;

  kind!: 'holiday' | 'workday';

  name!: string;

  /** '' for national entries. */
  regionPrefix!: string;

  updatedBy!: string | null;

  source!: CalendarSource;

  /** The loaded notice the day came with, if any. */
  noticeId!: string | null;
}

export class CalendarNoticeDto implements CalendarNotice {
  id!: string;

  year!: number;

  /** '' for the State Council's notice. */
  regionPrefix!: string;

  title!: string;

  documentNumber!: string | null;

  dayCount!: number;

  loadedBy!: string;

  loadedAt!: string;
}

export class CalendarYearStatusDto implements CalendarYearStatus {
  year!: number;

  national!: CalendarYearBasis;

  @ApiProperty({ type: () => CalendarNoticeDto, nullable: true })
  notice!: CalendarNoticeDto | null;

  regionalNotices!: CalendarNoticeDto[];
}

export class CalendarWarningDto implements CalendarWarning {
  /** The year whose national notice is missing. */
  year!: number;

  message!: string;
}

export class CalendarCoverageDto implements CalendarCoverage {
  /** Beijing date on the API's clock. */
  today!: string;

  /** Years with their national notice (package or loaded), ascending. */
  coveredYears!: number[];

  /** The years the package carries: first and last. */
  @ApiProperty({ type: [Number], minItems: 2, maxItems: 2, example: [2004, 2026] })
  packageYears!: [number, number];

  /** Every year from the package's last onward, up to next year and any loaded notice. */
  years!: CalendarYearStatusDto[];

  @ApiProperty({ type: () => CalendarWarningDto, nullable: true })
  warning!: CalendarWarningDto | null;
}

export class RecomputedDeadlineDto implements RecomputedDeadline {
  taskId!: string;

  number!: number;

  from!: string;

  to!: string;

  workingDays!: number;

  /** Years still without their notice after the recount (empty: final). */
  provisionalYears!: number[];
}

export class LoadCalendarNoticeResultDto implements LoadCalendarNoticeResult {
  notice!: CalendarNoticeDto;

  /** The notice this one replaced (same year and prefix), if any. */
  @ApiProperty({ type: () => CalendarNoticeDto, nullable: true })
  replaced!: CalendarNoticeDto | null;

  /** Open tasks whose deadline was counted again on the loaded days. */
  recomputed!: RecomputedDeadlineDto[];
}

/** A calendar entry that applied to a day within a range, with that day's weekday. */
export class CrossedDayDto {
  /** 0 = Sunday … 6 = Saturday. */
  weekday!: number;

  /** ISO date, `YYYY-MM-DD`. */
  date!: string;

  kind!: 'holiday' | 'workday';

  /** Chinese name as the notice prints it, kept as data. */
  name!: string;

  regionPrefix?: string;
}

export class CalendarDeadlineDto {
  start!: string;

  workingDays!: number;

  region!: string | null;

  due!: string;

  provisional!: boolean;

  provisionalYears!: number[];

  crossed!: CrossedDayDto[];
}
