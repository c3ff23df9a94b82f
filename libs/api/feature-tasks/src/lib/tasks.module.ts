import { Module } from '@nestjs/common';
import {
  FigureRepository,
  RegistryRepository,
  TargetRepository,
} from '@efficacy/api/feature-registry';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { IndicatorReader } from './indicator-reader';
import { ReminderPolicyService } from './reminder-policy.service';
import { RemindersService } from './reminders.service';
import { TaskDeadlinesService } from './task-deadlines.service';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskQueriesService } from './task-queries.service';
import { TaskWorkflowService } from './task-workflow.service';
import { TaskRepository } from './task.repository';
import { TasksController } from './tasks.controller';

/**
 * Rectification tasks (整改任务) and the working-day calendar they count deadlines on: one
 * service per job (workflow, deadlines, reminders and their thresholds, evidence, queries)
 * over one repository of the task tables.
 */
@Module({
  controllers: [TasksController, CalendarController],
  providers: [
    CalendarService,
    TaskRepository,
    TaskWorkflowService,
    TaskDeadlinesService,
    ReminderPolicyService,
    RemindersService,
    TaskEvidenceService,
    TaskQueriesService,
    IndicatorReader,
    RegistryRepository,
    TargetRepository,
    FigureRepository,
  ],
  exports: [
    TaskWorkflowService,
    TaskQueriesService,
    TaskDeadlinesService,
    ReminderPolicyService,
    TaskEvidenceService,
    CalendarService,
    RemindersService,
  ],
})
export class TasksModule {}
