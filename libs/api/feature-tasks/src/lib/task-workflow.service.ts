import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditService,
  CLOCK,
  JobQueue,
  ScopeService,
  type AuditActor,
  type Clock,
  type DataScope,
  type Principal,
} from '@efficacy/api/core';
import {
  decide,
  type BulkOpenResult,
  type IndicatorSnapshot,
  type TaskAction,
  type TaskDetail,
  type TaskSource,
  type TaskState,
} from '@efficacy/api-contract';
import { IndicatorReader } from './indicator-reader';
import { EFFECT_CHECK_JOB } from './task-jobs';
import { chinaDate } from './task-clock';
import { TaskDeadlinesService, type SetDeadline } from './task-deadlines.service';
import { TaskQueriesService, actorFacts, factsOf } from './task-queries.service';
import { TaskRepository, type TaskChange, type UnitRow } from './task.repository';

export interface OpenInput {
  source: TaskSource;
  title: string;
  detail?: string;
  leadUnitId: string;
  coUnitIds?: string[];
  indicator?: string;
  period?: string;
  subjectUnitId?: string;
  subjectRegion?: string;
  sourceRef?: string;
  workingDays?: number;
  deadline?: string;
  assign?: boolean;
}

export interface BulkOpenInput {
  indicator: string;
  period: string;
  region: string;
  workingDays?: number;
  deadline?: string;
  units?: readonly string[];
}

export interface ActInput {
  reason?: string;
  until?: string;
  report?: string;
}

/**
 * The workflow's writes: opening (one or in bulk) and every transition, decided by the
 * declared table (`decide` over `TASK_WORKFLOW` in the contract; a refusal answers 403, 409
 * or 400 as it says). Every write runs in one transaction with its event and its audit entry.
 */
@Injectable()
export class TaskWorkflowService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly deadlines: TaskDeadlinesService,
    private readonly queries: TaskQueriesService,
    private readonly indicators: IndicatorReader,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ---------- opening ----------

  async open(actor: AuditActor, input: OpenInput): Promise<TaskDetail> {
    const scope = await this.scopes.resolve(actor.principal);
    this.requireAdminLevel(actor.principal, scope);
    if (!input.title.trim()) throw new BadRequestException('title must not be blank');
    const now = this.clock.now();
    const unit = await this.unitInScope(scope, input.leadUnitId);
    const coUnits = [...new Set(input.coUnitIds ?? [])].filter((id) => id !== unit.id);
    for (const id of coUnits) await this.unitInScope(scope, id, 'co-handling unit');

    let snapshot: IndicatorSnapshot | null = null;
    if (input.source === 'indicator') {
      if (!input.indicator || !input.period)
        throw new BadRequestException(
          'a task opened from an indicator names the indicator (field "indicator") and the period (field "period")',
        );
      // The shortfall is the lead unit's own figure unless another unit or a region is named.
      let subject: { region: string; unit: string | null } = {
        region: unit.region_code,
        unit: unit.id,
      };
      if (input.subjectUnitId) {
        const other = await this.unitInScope(scope, input.subjectUnitId, 'unit');
        subject = { region: other.region_code, unit: other.id };
      } else if (input.subjectRegion) {
        if (!scope.regionCodes.includes(input.subjectRegion))
          throw new NotFoundException(`region "${input.subjectRegion}" not found`);
        subject = { region: input.subjectRegion, unit: null };
      }
      snapshot = await this.indicators.snapshot(
        scope,
        subject.region,
        subject.unit,
        input.indicator,
        input.period,
        now,
      );
      if (!snapshot)
        throw new UnprocessableEntityException(
          `no figure of "${input.indicator}" for ${subject.unit ?? subject.region} in ${input.period}: a task from an indicator needs the figure it improves`,
        );
    }
    const deadline = await this.deadlines.deadlineFor(input, unit.region_code);
    const openerRegion = await this.openerRegion(actor.principal, unit.region_code);

    const id = await this.tasks.transaction((manager) =>
      this.insertTask(manager, actor, {
        input,
        regionCode: unit.region_code,
        coUnits,
        openerRegion,
        deadline,
        snapshot,
        now,
      }),
    );
    return this.queries.get(actor.principal, id);
  }

  /** One task per unit below target for an indicator and period; units with an open one are skipped. */
  async bulkOpen(actor: AuditActor, input: BulkOpenInput): Promise<BulkOpenResult> {
    const scope = await this.scopes.resolve(actor.principal);
    this.requireAdminLevel(actor.principal, scope);
    if (!scope.regionCodes.includes(input.region))
      throw new NotFoundException(`region "${input.region}" not found`);
    const now = this.clock.now();
    const chosen = input.units ? new Set(input.units) : null;
    const below = (
      await this.indicators.belowTarget(scope, input.region, input.indicator, input.period, now)
    ).filter((b) => !chosen || chosen.has(b.unitId));
    const openerRegion = await this.openerRegion(actor.principal, input.region);
    const units = await this.tasks.unitsInScope(
      scope,
      below.map((b) => b.unitId),
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const opened: string[] = [];
    const skipped: Array<{ unitId: string; taskId: string }> = [];
    await this.tasks.transaction(async (manager) => {
      // One bulk run at a time per indicator and period, so two clicks open each task once.
      await this.tasks.lock(manager, `tasks.bulk:${input.indicator}:${input.period}`);
      for (const row of below) {
        const unit = byId.get(row.unitId);
        if (!unit) continue;
        const existing = await this.tasks.openTaskFor(
          manager,
          input.indicator,
          row.snapshot.period,
          row.unitId,
        );
        if (existing) {
          skipped.push({ unitId: row.unitId, taskId: existing });
          continue;
        }
        const deadline = await this.deadlines.deadlineFor(
          { workingDays: input.workingDays, deadline: input.deadline },
          unit.region_code,
        );
        const title = `${unit.name_zh}「${row.snapshot.indicatorNameZh ?? input.indicator}」未达标整改`;
        const detail = `${row.snapshot.period}：${row.snapshot.display ?? ''}，目标 ${row.snapshot.comparator ?? ''} ${row.snapshot.target ?? ''}`;
        opened.push(
          await this.insertTask(manager, actor, {
            input: {
              source: 'indicator',
              title,
              detail,
              leadUnitId: row.unitId,
              indicator: input.indicator,
              period: row.snapshot.period,
              workingDays: input.workingDays,
              deadline: input.deadline,
            },
            regionCode: unit.region_code,
            coUnits: [],
            openerRegion,
            deadline,
            snapshot: row.snapshot,
            now,
            bulk: true,
          }),
        );
      }
    });
    return { opened: await this.queries.list(actor.principal, { ids: opened }), skipped };
  }

  private async insertTask(
    manager: EntityManager,
    actor: AuditActor,
    args: {
      input: OpenInput;
      regionCode: string;
      coUnits: string[];
      openerRegion: string;
      deadline: SetDeadline;
      snapshot: IndicatorSnapshot | null;
      now: Date;
      bulk?: boolean;
    },
  ): Promise<string> {
    const { input, now } = args;
    const assign = input.assign !== false;
    const state: TaskState = assign ? 'assigned' : 'draft';
    const username = actor.principal.username;
    const id = await this.tasks.insert(manager, {
      title: input.title.trim(),
      detail: input.detail?.trim() ?? '',
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      state,
      regionCode: args.regionCode,
      leadUnitId: input.leadUnitId,
      coUnitIds: args.coUnits,
      openerRegion: args.openerRegion,
      openedBy: username,
      openedAt: now,
      deadline: args.deadline.due,
      indicator: input.indicator ?? null,
      period: input.period ?? null,
      snapshot: args.snapshot,
      deadlineFrom: args.deadline.from,
      deadlineWorkingDays: args.deadline.workingDays,
      deadlineProvisionalYears: [...args.deadline.provisionalYears],
    });
    const provisional = args.deadline.provisionalYears.length
      ? { provisionalYears: args.deadline.provisionalYears }
      : {};
    await this.tasks.addEvent(manager, {
      taskId: id,
      at: now,
      actor: username,
      action: 'open',
      from: null,
      to: 'draft',
      reason: null,
      data: {
        deadline: args.deadline.due,
        ...(args.deadline.workingDays ? { workingDays: args.deadline.workingDays } : {}),
        ...provisional,
        leadUnitId: input.leadUnitId,
        ...(args.bulk ? { bulk: true } : {}),
      },
    });
    if (assign)
      await this.tasks.addEvent(manager, {
        taskId: id,
        at: now,
        actor: username,
        action: 'assign',
        from: 'draft',
        to: 'assigned',
        reason: null,
        data: null,
      });
    await this.audit.record(manager, actor, {
      action: 'task.open',
      targetType: 'task',
      targetId: id,
      regionCodes: [args.regionCode],
      after: {
        title: input.title,
        source: input.source,
        leadUnitId: input.leadUnitId,
        deadline: args.deadline.due,
        ...(args.deadline.workingDays ? { workingDays: args.deadline.workingDays } : {}),
        ...provisional,
        state,
        indicator: input.indicator ?? null,
        period: input.period ?? null,
        ...(args.bulk ? { bulk: true } : {}),
      },
    });
    return id;
  }

  // ---------- transitions ----------

  async act(
    actor: AuditActor,
    id: string,
    action: TaskAction,
    input: ActInput,
  ): Promise<TaskDetail> {
    const scope = await this.scopes.resolve(actor.principal);
    const now = this.clock.now();
    const today = chinaDate(now);
    let closed = false;
    await this.tasks.transaction(async (manager) => {
      const row = await this.tasks.findInScope(manager, scope, id, true);
      const decision = decide(factsOf(row), action, actorFacts(actor.principal, scope), {
        today,
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
        ...(input.until !== undefined ? { until: input.until } : {}),
        ...(input.report !== undefined ? { report: input.report } : {}),
      });
      if (!decision.ok) {
        if (decision.code === 'forbidden') throw new ForbiddenException(decision.message);
        if (decision.code === 'conflict') throw new ConflictException(decision.message);
        throw new BadRequestException(decision.message);
      }
      const reason = input.reason?.trim() || null;
      const change: TaskChange = { state: decision.to, at: now };
      const data: Record<string, unknown> = {};
      let deadline = row.deadline;
      // What each action writes besides the state; the table has decided that it may.
      switch (action) {
        case 'submit': {
          // The report-given guard refused a submission without a report.
          const report = (input.report ?? '').trim();
          change.report = report;
          data['report'] = report;
          break;
        }
        case 'request_extension':
          change.pendingExtension = {
            until: input.until as string,
            reason: reason as string,
            by: actor.principal.username,
          };
          data['until'] = input.until;
          data['deadline'] = row.deadline;
          break;
        case 'grant_extension':
          // The extension-waiting guard refused a grant with no request waiting.
          deadline = row.pending_extension?.until ?? row.deadline;
          change.grantedDeadline = deadline;
          change.pendingExtension = null;
          data['from'] = row.deadline;
          data['to'] = deadline;
          data['originalDeadline'] = row.original_deadline;
          break;
        case 'refuse_extension':
          change.pendingExtension = null;
          data['until'] = row.pending_extension?.until ?? null;
          data['deadline'] = row.deadline;
          break;
        case 'verify':
          change.effect = row.indicator ? 'pending' : 'not_applicable';
          closed = row.indicator !== null;
          break;
        case 'cancel':
          change.pendingExtension = null;
          break;
        case 'return':
          data['from'] = row.state === 'submitted' ? 'sign-off' : 'verification';
          break;
      }
      await this.tasks.update(manager, id, change);
      await this.tasks.addEvent(manager, {
        taskId: id,
        at: now,
        actor: actor.principal.username,
        action,
        from: row.state,
        to: decision.to,
        reason,
        data: Object.keys(data).length ? data : null,
      });
      await this.audit.record(manager, actor, {
        action: `task.${action}`,
        targetType: 'task',
        targetId: id,
        regionCodes: [row.region_code],
        before: { state: row.state, deadline: row.deadline },
        after: { state: decision.to, deadline, ...(reason ? { reason } : {}), ...data },
      });
    });
    if (closed) await this.jobs.send(EFFECT_CHECK_JOB, { taskId: id }, { singletonKey: id });
    return this.queries.get(actor.principal, id);
  }

  // ---------- helpers ----------

  private async unitInScope(scope: DataScope, id: string, what = 'lead unit'): Promise<UnitRow> {
    const unit = await this.tasks.unitInScope(scope, id);
    if (!unit) throw new NotFoundException(`${what} "${id}" not found`);
    return unit;
  }

  private requireAdminLevel(principal: Principal, scope: DataScope): void {
    if (scope.unitIds || !principal.permissions.has('task:open'))
      throw new ForbiddenException('tasks are opened by administrators of a city or county');
  }

  /** The opener's own region that covers `region`: the level that verifies and answers extensions. */
  private async openerRegion(principal: Principal, region: string): Promise<string> {
    for (const root of principal.regions) {
      if ((await this.scopes.regionsAtOrBelow([root])).includes(region)) return root;
    }
    throw new NotFoundException(`region "${region}" not found`);
  }
}
