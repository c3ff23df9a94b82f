import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService, CLOCK, JobQueue, ScopeService, type Clock } from '@efficacy/api/core';
import {
  CLOCK_RUNNING,
  DEFAULT_REMINDER_POLICY,
  reminderLevel,
  type ReminderLevel,
} from '@efficacy/api-contract';
import { workingDaysBetween } from '@efficacy/working-calendar';
import { CalendarService } from './calendar/calendar.service';
import { IndicatorReader, judgeEffect, nextPeriod } from './indicator-reader';
import { calendarRegion, chinaDate } from './task-clock';
import { ReminderPolicyService } from './reminder-policy.service';
import { EFFECT_CHECK_JOB, REMINDER_SCAN_JOB } from './task-jobs';
import { TaskRepository } from './task.repository';

const SYSTEM_ACTOR = {
  principal: {
    subject: 'system',
    username: 'system',
    displayName: 'Efficacy',
    roles: [],
    permissions: new Set<never>(),
    regions: [],
    units: [],
    expiresAt: new Date(0),
  },
  requestId: null,
  clientAddress: null,
};

/**
 * Reminders and escalation, and the effect check after closing, as jobs on the PostgreSQL
 * queue (ADR 0005). Both recompute from the database, so a job that runs twice records
 * nothing twice: a reminder is one row per task, level and deadline.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('TaskReminders');

  constructor(
    private readonly tasks: TaskRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly policies: ReminderPolicyService,
    private readonly indicators: IndicatorReader,
    private readonly scopes: ScopeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Hourly scan; the effect re-check rides on it for closed tasks whose next figures came late.
    this.jobs.register({
      name: REMINDER_SCAN_JOB,
      cron: '5 * * * *',
      handler: async () => {
        await this.scan();
        await this.recheckPendingEffects();
      },
    });
    this.jobs.register<{ taskId: string }>({
      name: EFFECT_CHECK_JOB,
      handler: async ({ taskId }) => {
        await this.checkEffect(taskId);
      },
    });
  }

  /** Records the reminder level each running task has reached; returns the ones newly recorded. */
  async scan(): Promise<Array<{ taskId: string; level: ReminderLevel }>> {
    const calendar = await this.calendar.stored();
    const now = this.clock.now();
    const today = chinaDate(now);
    const rows = await this.tasks.inStates(CLOCK_RUNNING);
    const policies = await this.policies.policiesFor(rows.map((r) => r.region_code));
    const recorded: Array<{ taskId: string; level: ReminderLevel }> = [];
    for (const row of rows) {
      const policy = policies.get(row.region_code) ?? DEFAULT_REMINDER_POLICY;
      // Any year counts (one without its notice on weekdays): no task goes unreminded.
      const remaining = workingDaysBetween(today, row.deadline, {
        ...calendar,
        region: calendarRegion(row.region_code),
      });
      const level = reminderLevel(remaining, policy);
      if (level === 'none') continue;
      const added = await this.tasks.transaction(async (manager) => {
        const reminder = { taskId: row.id, level, deadline: row.deadline, at: now };
        if (!(await this.tasks.recordReminder(manager, reminder))) return false;
        await this.tasks.addEvent(manager, {
          taskId: row.id,
          at: now,
          actor: 'system',
          action: level === 'yellow' || level === 'red' ? 'escalate' : 'remind',
          from: null,
          to: null,
          reason: null,
          data: { level, deadline: row.deadline, remainingWorkingDays: remaining },
        });
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: `task.reminder.${level}`,
          targetType: 'task',
          targetId: row.id,
          regionCodes: [row.region_code],
          after: { level, deadline: row.deadline, remainingWorkingDays: remaining },
        });
        return true;
      });
      if (added) recorded.push({ taskId: row.id, level });
    }
    if (recorded.length) this.log.log(`recorded ${recorded.length} reminder(s)`);
    return recorded;
  }

  async recheckPendingEffects(): Promise<void> {
    for (const id of await this.tasks.pendingEffects(200)) await this.checkEffect(id);
  }

  /**
   * Reads the next period's value of a closed task's indicator for its unit and marks the task
   * effective or not; stays pending while that period has no figure.
   */
  async checkEffect(taskId: string): Promise<'pending' | 'effective' | 'not_effective' | null> {
    const task = await this.tasks.effectSubject(taskId);
    if (!task || task.state !== 'closed' || !task.indicator || !task.period) return null;
    if (task.effect !== 'pending') return task.effect as 'effective' | 'not_effective';
    const period = nextPeriod(task.period);
    const scope = {
      regionCodes: await this.scopes.regionsAtOrBelow([task.opener_region]),
      unitIds: null,
    };
    const now = this.clock.now();
    // The figure that fell short: the snapshot's subject (a unit, or a region's own row).
    const subject = task.snapshot?.subject ?? `unit:${task.lead_unit_id}`;
    let region = task.region_code;
    let unit: string | null = null;
    if (subject.startsWith('region:')) {
      region = subject.slice('region:'.length);
    } else {
      unit = subject.slice('unit:'.length);
      region = (await this.tasks.unitRegion(unit)) ?? task.region_code;
    }
    const after = await this.indicators
      .snapshot(scope, region, unit, task.indicator, period, now)
      .catch(() => null);
    const verdict = judgeEffect(task.snapshot, after);
    if (!verdict) return 'pending';
    await this.tasks.transaction(async (manager) => {
      if (!(await this.tasks.recordEffect(manager, taskId, verdict, after, now))) return;
      await this.tasks.addEvent(manager, {
        taskId,
        at: now,
        actor: 'system',
        action: 'effect',
        from: null,
        to: null,
        reason: null,
        data: { effect: verdict, period, value: after?.value ?? null },
      });
      await this.audit.record(manager, SYSTEM_ACTOR, {
        action: 'task.effect',
        targetType: 'task',
        targetId: taskId,
        regionCodes: [task.region_code],
        before: { effect: 'pending', snapshot: task.snapshot },
        after: { effect: verdict, snapshot: after },
      });
    });
    return verdict;
  }
}
