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
import {
  ApiBearerAuth,
  ApiOperation,
  ApiTags,
  ApiOkResponse,
  ApiCreatedResponse,
} from '@nestjs/swagger';
import { Actor, RequirePermissions, type AuditActor } from '@efficacy/api/core';
import { isIsoDate } from '@efficacy/api-contract';
import { CalendarError, CalendarService } from './calendar.service';
import {
  ListCalendarQueryDto,
  DeadlineQueryDto,
  PutCalendarDayDto,
  DeleteCalendarDayQueryDto,
  LoadNoticeDto,
  ListNoticesQueryDto,
} from './calendar.dto';
import {
  CalendarEntryDto,
  CalendarCoverageDto,
  CalendarNoticeDto,
  LoadCalendarNoticeResultDto,
  CalendarDeadlineDto,
} from '../task-responses.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiOkResponse({ type: CalendarEntryDto, isArray: true })
  @Get()
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'Holidays and adjusted working days (调休) as stored, by year' })
  list(@Query() query: ListCalendarQueryDto) {
    return this.calendar.list(query.year, query.region);
  }

  @ApiOkResponse({ type: CalendarCoverageDto })
  @Get('coverage')
  @RequirePermissions('task:read')
  @ApiOperation({
    summary:
      'Which years have their national notice (package or loaded) and which are provisional (暂定)',
  })
  coverage() {
    return this.calendar.coverage();
  }

  @ApiOkResponse({ type: CalendarNoticeDto, isArray: true })
  @Get('notices')
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'The notices loaded by administrators' })
  notices(@Query() query: ListNoticesQueryDto) {
    return this.calendar.notices(query.year);
  }

  @ApiCreatedResponse({ type: LoadCalendarNoticeResultDto })
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

  @ApiOkResponse({ type: CalendarDeadlineDto })
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

  @ApiOkResponse({ type: CalendarEntryDto })
  @Put('days')
  @RequirePermissions('calendar:write')
  @ApiOperation({ summary: 'Add or correct one calendar day (audited)' })
  put(@Actor() actor: AuditActor, @Body() body: PutCalendarDayDto) {
    if (!isIsoDate(body.date))
      throw new BadRequestException(`date ${body.date} is not a calendar date`);
    return this.calendar.upsert(actor, body);
  }

  @ApiOkResponse({ type: CalendarEntryDto })
  @Delete('days')
  @RequirePermissions('calendar:write')
  @ApiOperation({
    summary: 'Remove one calendar day entered by mistake (audited); national when no regionPrefix',
  })
  remove(@Actor() actor: AuditActor, @Query() query: DeleteCalendarDayQueryDto) {
    return this.calendar.remove(actor, query.date, query.regionPrefix ?? '');
  }
}
