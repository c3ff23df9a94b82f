import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  TASK_SOURCES,
  TASK_STATES,
  type TaskSource,
  type TaskState,
  type OpenTaskRequest,
  type BulkOpenRequest,
  type ReminderPolicy,
} from '@efficacy/api-contract';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIT = /^\d{6}:[a-z0-9-]+$/;

export class OpenTaskDto implements OpenTaskRequest {
  @IsIn(TASK_SOURCES, { message: `source must be one of ${TASK_SOURCES.join(', ')}` })
  source!: TaskSource;

  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  detail?: string;

  @Matches(UNIT, { message: 'leadUnitId must be a unit id such as 640106:spj' })
  leadUnitId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(UNIT, { each: true, message: 'coUnitIds must be unit ids such as 640106:zwfw' })
  coUnitIds?: string[];

  @IsOptional()
  @Matches(/^[a-z0-9_]+$/, { message: 'indicator must be an indicator code' })
  indicator?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;

  /** The unit whose figure fell short, when it is not the lead unit. */
  @IsOptional()
  @Matches(UNIT, { message: 'subjectUnitId must be a unit id such as 640106:cl' })
  subjectUnitId?: string;

  /** The region whose own figure fell short (a county's shortfall handed to a department). */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'subjectRegion must be a six-digit GB/T 2260 code' })
  subjectRegion?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceRef?: string;

  @IsOptional()
  @IsInt({ message: 'workingDays must be a whole number' })
  @Min(1)
  @Max(250)
  workingDays?: number;

  @IsOptional()
  @Matches(DATE, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline?: string;

  @IsOptional()
  @IsBoolean()
  assign?: boolean;
}

export class BulkOpenDto implements BulkOpenRequest {
  @Matches(/^[a-z0-9_]+$/, { message: 'indicator must be an indicator code' })
  indicator!: string;

  @IsString()
  @MaxLength(40)
  period!: string;

  @Matches(/^\d{6}$/, { message: 'region must be a six-digit GB/T 2260 code' })
  region!: string;

  @IsOptional()
  @IsInt({ message: 'workingDays must be a whole number' })
  @Min(1)
  @Max(250)
  workingDays?: number;

  @IsOptional()
  @Matches(DATE, { message: 'deadline must be a date, YYYY-MM-DD' })
  deadline?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(UNIT, { each: true, message: 'units must be unit ids like 640106:spj' })
  units?: string[];
}

export class ActDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class SubmitDto {
  @IsString()
  @MinLength(1, { message: 'report must not be empty' })
  @MaxLength(20000)
  report!: string;
}

export class ExtensionDto {
  @Matches(DATE, { message: 'until must be the new deadline, YYYY-MM-DD' })
  until!: string;

  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

export class ListTasksQueryDto {
  @IsOptional()
  @IsIn(['unit', 'sign-off', 'verify', 'opened', 'all'])
  inbox?: 'unit' | 'sign-off' | 'verify' | 'opened' | 'all';

  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a six-digit GB/T 2260 code' })
  region?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_]+$/)
  indicator?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;

  /** Tasks per page (at most 500); the total is in the X-Total-Count header. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class OverviewQueryDto {
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a six-digit GB/T 2260 code' })
  region?: string;
}

export class ReminderPolicyQueryDto {
  @Matches(/^\d{6}$/, { message: 'region must be a six-digit GB/T 2260 code, e.g. 640100' })
  region!: string;
}

export class ReminderPolicyDto implements ReminderPolicy {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  dueSoonDays!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  yellowAfterDays!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  redAfterDays!: number;
}
