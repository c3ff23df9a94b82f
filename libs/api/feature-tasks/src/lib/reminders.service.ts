import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, CLOCK, JobQueue, ScopeService, type Clock } from '@efficacy/api/core';
import {
  CLOCK_RUNNING,
  DEFAULT_REMINDER_POLICY,
  reminderLevel,
  type IndicatorSnapshot,
  type ReminderLevel,
} from '@efficacy/api-contract';
import { workingDaysBetween } from '@efficacy/working-calendar';
import { CalendarService } from './calendar/calendar.service';
import { IndicatorReader, judgeEffect, nextPeriod } from './indicator-reader';
import { calendarRegion, chinaDate } from './task-clock';
import { ReminderPolicyService } from './reminder-policy.service';
import { EFFECT_CHECK_JOB, REMINDER_SCAN_JOB } from './task-jobs';

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
    private readonly dataSource: DataSource,
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
    const rows: Array<{ id: string; region_code: string; deadline: string }> =
      await this.dataSource.query(
        `SELECT id, region_code, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM task
          WHERE state = ANY($1::text[]) ORDER BY number`,
        [[...CLOCK_RUNNING]],
      );
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
      const added = await this.dataSource.transaction(async (manager) => {
        const inserted = await manager.query(
          `INSERT INTO task_reminder (task_id, level, deadline, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING task_id`,
          [row.id, level, row.deadline, now],
        );
        if (inserted.length === 0) return false;
        await manager.query(
          `INSERT INTO task_event (task_id, at, actor, action, data) VALUES ($1, $2, 'system', $3, $4)`,
          [
            row.id,
            now,
            level === 'yellow' || level === 'red' ? 'escalate' : 'remind',
            JSON.stringify({ level, deadline: row.deadline, remainingWorkingDays: remaining }),
          ],
        );
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
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM task WHERE state = 'closed' AND effect = 'pending' ORDER BY number LIMIT 200`,
    );
    for (const row of rows) await this.checkEffect(row.id);
  }

  /**
   * Reads the next period's value of a closed task's indicator for its unit and marks the task
   * effective or not; stays pending while that period has no figure.
   */
  async checkEffect(taskId: string): Promise<'pending' | 'effective' | 'not_effective' | null> {
    const [task]: Array<{
      id: string;
      state: string;
      effect: string | null;
      indicator: string | null;
      period: string | null;
      region_code: string;
      lead_unit_id: string;
      opener_region: string;
      snapshot: IndicatorSnapshot | null;
    }> = await this.dataSource.query(
      `SELECT id, state, effect, indicator, period, region_code, lead_unit_id, opener_region, snapshot
         FROM task WHERE id = $1`,
      [taskId],
    );
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
      const [row] = await this.dataSource.query('SELECT region_code FROM unit WHERE id = $1', [
        unit,
      ]);
      region = row?.region_code ?? task.region_code;
    }
    const after = await this.indicators
      .snapshot(scope, region, unit, task.indicator, period, now)
      .catch(() => null);
    const verdict = judgeEffect(task.snapshot, after);
    if (!verdict) return 'pending';
    await this.dataSource.transaction(async (manager) => {
      // UPDATE answers [rows, affected] through TypeORM.
      const [, affected]: [unknown[], number] = await manager.query(
        `UPDATE task SET effect = $2, effect_snapshot = $3, updated_at = $4
          WHERE id = $1 AND effect = 'pending' RETURNING id`,
        [taskId, verdict, JSON.stringify(after), now],
      );
      if (affected === 0) return;
      await manager.query(
        `INSERT INTO task_event (task_id, at, actor, action, data) VALUES ($1, $2, 'system', 'effect', $3)`,
        [taskId, now, JSON.stringify({ effect: verdict, period, value: after?.value ?? null })],
      );
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
