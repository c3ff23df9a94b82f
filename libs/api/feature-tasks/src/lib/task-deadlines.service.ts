import {
  BadRequestException,
  Inject,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@efficacy/api/core';
import { DEFAULT_REMINDER_POLICY, isIsoDate, type TaskState } from '@efficacy/api-contract';
import { CalendarError, workingDeadline } from '@efficacy/working-calendar';
import { CalendarService } from './calendar/calendar.service';
import { ReminderPolicyService } from './reminder-policy.service';
import { TaskRepository } from './task.repository';
import {
  calendarRegion,
  chinaDate,
  taskClock,
  type ClockEvent,
  type TaskClock,
} from './task-clock';

/** A deadline as set on opening: the date, and what it was counted from when it was counted. */
export interface SetDeadline {
  readonly due: string;
  readonly from: string | null;
  readonly workingDays: number | null;
  readonly provisionalYears: readonly number[];
}

/**
 * The task clock: today in Beijing, the deadline of a new task counted in working days on
 * its region's calendar, and for any task the elapsed, remaining and overdue working days
 * and its reminder level, recomputed from its events (ADR 0006).
 */
@Injectable()
export class TaskDeadlinesService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly calendar: CalendarService,
    private readonly policies: ReminderPolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return chinaDate(this.clock.now());
  }

  /**
   * The deadline of a new task: a date given, or working days from today (Beijing) on the
   * region's calendar, provisional across a year whose national notice is not in yet.
   */
  async deadlineFor(
    input: { workingDays?: number; deadline?: string },
    region: string,
  ): Promise<SetDeadline> {
    const today = this.today();
    if (input.deadline) {
      if (!isIsoDate(input.deadline))
        throw new BadRequestException(`deadline ${input.deadline} is not a calendar date`);
      if (input.deadline <= today)
        throw new BadRequestException(
          `the deadline ${input.deadline} must be after today (${today})`,
        );
      return { due: input.deadline, from: null, workingDays: null, provisionalYears: [] };
    }
    const days = input.workingDays;
    if (days === undefined)
      throw new BadRequestException(
        'give the deadline as working days from today (field "workingDays") or a date (field "deadline")',
      );
    try {
      const counted = workingDeadline(
        today,
        days,
        await this.calendar.options(calendarRegion(region)),
      );
      return {
        due: counted.due,
        from: today,
        workingDays: days,
        provisionalYears: counted.provisionalYears,
      };
    } catch (error) {
      if (error instanceof CalendarError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }

  /** The clock of each task, now, from its state changes, its deadline and its region's thresholds. */
  async clocks(
    tasks: ReadonlyArray<{ id: string; state: TaskState; deadline: string; region_code: string }>,
  ): Promise<Map<string, TaskClock>> {
    const out = new Map<string, TaskClock>();
    if (tasks.length === 0) return out;
    const byTask = new Map<string, ClockEvent[]>();
    for (const e of await this.tasks.stateEvents(tasks.map((t) => t.id))) {
      const list = byTask.get(e.task_id) ?? [];
      list.push({ at: e.at, toState: e.to_state });
      byTask.set(e.task_id, list);
    }
    const calendar = await this.calendar.stored();
    const policies = await this.policies.policiesFor(tasks.map((t) => t.region_code));
    const now = this.clock.now();
    for (const t of tasks)
      out.set(
        t.id,
        taskClock(
          t.state,
          t.deadline,
          byTask.get(t.id) ?? [],
          now,
          { ...calendar, region: calendarRegion(t.region_code) },
          policies.get(t.region_code) ?? DEFAULT_REMINDER_POLICY,
        ),
      );
    return out;
  }
}
