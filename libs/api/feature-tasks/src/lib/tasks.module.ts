import { Module } from '@nestjs/common';
import {
  FigureRepository,
  RegistryRepository,
  TargetRepository,
} from '@efficacy/api/feature-registry';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { IndicatorReader } from './indicator-reader';
import { RemindersService } from './reminders.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Rectification tasks (整改任务) and the working-day calendar they count deadlines on. */
@Module({
  controllers: [TasksController, CalendarController],
  providers: [
    CalendarService,
    TasksService,
    RemindersService,
    IndicatorReader,
    RegistryRepository,
    TargetRepository,
    FigureRepository,
  ],
  exports: [TasksService, CalendarService, RemindersService],
})
export class TasksModule {}
