import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { Actor, RequirePermissions, type AuditActor } from '@efficacy/api/core';
import { isIsoDate } from '@efficacy/api-contract';
import { CalendarError, CalendarService } from './calendar.service';

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

export class LoadNoticeDto {
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

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'Holidays and adjusted working days (调休) as stored, by year' })
  list(@Query() query: ListCalendarQueryDto) {
    return this.calendar.list(query.year, query.region);
  }

  @Get('coverage')
  @RequirePermissions('task:read')
  @ApiOperation({
    summary:
      'Which years have their national notice (package or loaded) and which are provisional (暂定)',
  })
  coverage() {
    return this.calendar.coverage();
  }

  @Get('notices')
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'The notices loaded by administrators' })
  notices(@Query() query: ListNoticesQueryDto) {
    return this.calendar.notices(query.year);
  }

  @Post('notices')
  @HttpCode(201)
  @RequirePermissions('calendar:write')
  @ApiOperation({
    summary:
      "Load a year's notice (the State Council's, or a region's with regionPrefix); recounts the open tasks' deadlines in that year (audited)",
  })
  loadNotice(@Actor() actor: AuditActor, @Body() body: LoadNoticeDto) {
    return this.calendar.loadNotice(actor, body);
  }

  @Get('deadline')
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'The Nth working day after a start date, on the stored calendar' })
  async deadline(@Query() query: DeadlineQueryDto) {
    try {
      return await this.calendar.deadline(query.start, query.days, query.region);
    } catch (error) {
      if (error instanceof CalendarError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Put('days')
  @RequirePermissions('calendar:write')
  @ApiOperation({ summary: 'Add or correct one calendar day (audited)' })
  put(@Actor() actor: AuditActor, @Body() body: PutCalendarDayDto) {
    if (!isIsoDate(body.date))
      throw new BadRequestException(`date ${body.date} is not a calendar date`);
    return this.calendar.upsert(actor, body);
  }

  @Delete('days')
  @RequirePermissions('calendar:write')
  @ApiOperation({
    summary: 'Remove one calendar day entered by mistake (audited); national when no regionPrefix',
  })
  remove(@Actor() actor: AuditActor, @Query() query: DeleteCalendarDayQueryDto) {
    return this.calendar.remove(actor, query.date, query.regionPrefix ?? '');
  }
}
