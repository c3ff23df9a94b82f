import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type LoadCalendarNoticeRequest } from '@efficacy/api-contract';

export class ListCalendarQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'region must be a GB/T 2260 code, e.g. 640106' })
  region?: string;
}

export class DeadlineQueryDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'start must be a date YYYY-MM-DD, e.g. 2022-09-30' })
  start!: string;

  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number of working days' })
  @Min(1)
  @Max(365)
  days!: number;

  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'region must be a GB/T 2260 code, e.g. 640106' })
  region?: string;
}

export class PutCalendarDayDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @IsIn(['holiday', 'workday'], { message: "kind must be 'holiday' or 'workday'" })
  kind!: 'holiday' | 'workday';

  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @IsOptional()
  @Matches(/^\d{0,12}$/, { message: 'regionPrefix must be digits of a GB/T 2260 code, e.g. 64' })
  regionPrefix?: string;
}

export class DeleteCalendarDayQueryDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @IsOptional()
  @Matches(/^\d{0,12}$/, { message: 'regionPrefix must be digits of a GB/T 2260 code, e.g. 64' })
  regionPrefix?: string;
}

export class NoticeDayDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'each day needs a date YYYY-MM-DD' })
  date!: string;

  @IsIn(['holiday', 'workday'], { message: "each day's kind must be 'holiday' or 'workday'" })
  kind!: 'holiday' | 'workday';

  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;
}

export class LoadNoticeDto implements LoadCalendarNoticeRequest {
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole year, e.g. 2027' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  documentNumber?: string;

  @IsOptional()
  @Matches(/^\d{0,12}$/, { message: 'regionPrefix must be digits of a GB/T 2260 code, e.g. 64' })
  regionPrefix?: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'days must list the days of the notice' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => NoticeDayDto)
  days!: NoticeDayDto[];
}

export class ListNoticesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
