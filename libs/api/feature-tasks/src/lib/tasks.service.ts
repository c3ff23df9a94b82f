import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
  DEFAULT_REMINDER_POLICY,
  availableActions,
  decide,
  isIsoDate,
  type ActorFacts,
  type BulkOpenResult,
  type CityViewRow,
  type EffectResult,
  type IndicatorSnapshot,
  type RegionReminderPolicy,
  type ReminderPolicy,
  type TaskAction,
  type TaskDetail,
  type TaskEvent,
  type TaskEvidence,
  type TaskFacts,
  type TaskInbox,
  type TaskSource,
  type TaskState,
  type TaskSummary,
} from '@efficacy/api-contract';
import { CalendarError, workingDeadline } from '@efficacy/working-calendar';
import { CalendarService } from './calendar/calendar.service';
import { checkEvidence, EvidenceRejected } from './evidence';
import { IndicatorReader } from './indicator-reader';
import { calendarRegion, chinaDate, taskClock, type ClockEvent } from './task-clock';

export const EFFECT_CHECK_JOB = 'tasks.effect-check';

interface TaskRow {
  id: string;
  number: string;
  title: string;
  detail: string;
  source: TaskSource;
  source_ref: string | null;
  state: TaskState;
  region_code: string;
  region_name_zh: string;
  lead_unit_id: string;
  lead_unit_name_zh: string;
  co_unit_ids: string[];
  opener_region: string;
  opened_by: string;
  opened_at: Date;
  original_deadline: string;
  deadline: string;
  indicator: string | null;
  period: string | null;
  snapshot: IndicatorSnapshot | null;
  report: string | null;
  pending_extension: { until: string; reason: string; by: string } | null;
  effect: EffectResult | null;
  effect_snapshot: IndicatorSnapshot | null;
  deadline_working_days: number | null;
  deadline_provisional_years: number[];
}

/** A deadline as set on opening: the date, and what it was counted from when it was counted. */
interface SetDeadline {
  readonly due: string;
  readonly from: string | null;
  readonly workingDays: number | null;
  readonly provisionalYears: readonly number[];
}

const TASK_SELECT = `
  SELECT t.id, t.number::text AS number, t.title, t.detail, t.source, t.source_ref, t.state,
         t.region_code, r.name_zh AS region_name_zh, t.lead_unit_id, u.name_zh AS lead_unit_name_zh,
         t.co_unit_ids, t.opener_region, t.opened_by, t.opened_at,
         to_char(t.original_deadline, 'YYYY-MM-DD') AS original_deadline,
         to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
         t.indicator, t.period, t.snapshot, t.report, t.pending_extension, t.effect, t.effect_snapshot,
         t.deadline_working_days, t.deadline_provisional_years
    FROM task t JOIN region r ON r.code = t.region_code JOIN unit u ON u.id = t.lead_unit_id`;

/** Data scope on tasks: $1 regions, $2 units (null when not unit-bound). */
const TASK_IN_SCOPE = `t.region_code = ANY($1::text[])
  AND ($2::text[] IS NULL OR t.lead_unit_id = ANY($2::text[]) OR t.co_unit_ids && $2::text[])`;

const scopeParams = (scope: DataScope) => [
  [...scope.regionCodes],
  scope.unitIds ? [...scope.unitIds] : null,
];

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

export interface ActInput {
  reason?: string;
  until?: string;
  report?: string;
}

export interface ListInput {
  inbox?: TaskInbox;
  state?: TaskState;
  region?: string;
  indicator?: string;
  period?: string;
  /** Only these tasks (still within scope). */
  ids?: string[];
}

/** The most tasks one page of `GET /api/tasks` holds. */
export const MAX_TASK_PAGE = 500;

/**
 * The rectification workflow: opening (one or in bulk), every transition through the shared
 * state machine, evidence, and the reads behind the inboxes and the city view. Every write
 * runs in one transaction with its event and its audit entry.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly indicators: IndicatorReader,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return chinaDate(this.clock.now());
  }

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
        region: unit.regionCode,
        unit: unit.id,
      };
      if (input.subjectUnitId) {
        const other = await this.unitInScope(scope, input.subjectUnitId, 'unit');
        subject = { region: other.regionCode, unit: other.id };
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
    const deadline = await this.deadlineFor(input, unit.regionCode);
    const openerRegion = await this.openerRegion(actor.principal, unit.regionCode);

    const id = await this.dataSource.transaction(async (manager) => {
      const taskId = await this.insertTask(manager, actor, {
        input,
        regionCode: unit.regionCode,
        coUnits,
        openerRegion,
        deadline,
        snapshot,
        now,
      });
      return taskId;
    });
    return this.get(actor.principal, id);
  }

  /** One task per unit below target for an indicator and period; units with an open one are skipped. */
  async bulkOpen(
    actor: AuditActor,
    input: {
      indicator: string;
      period: string;
      region: string;
      workingDays?: number;
      deadline?: string;
      units?: readonly string[];
    },
  ): Promise<BulkOpenResult> {
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
    const units = await this.dataSource.query(
      `SELECT id, name_zh, region_code FROM unit WHERE id = ANY($1::text[]) AND region_code = ANY($2::text[])`,
      [below.map((b) => b.unitId), [...scope.regionCodes]],
    );
    const byId = new Map<string, { name_zh: string; region_code: string }>(
      units.map((u: { id: string; name_zh: string; region_code: string }) => [u.id, u]),
    );
    const opened: string[] = [];
    const skipped: Array<{ unitId: string; taskId: string }> = [];
    await this.dataSource.transaction(async (manager) => {
      // One bulk run at a time per indicator and period, so two clicks open each task once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `tasks.bulk:${input.indicator}:${input.period}`,
      ]);
      for (const row of below) {
        const unit = byId.get(row.unitId);
        if (!unit) continue;
        const [existing] = await manager.query(
          `SELECT id FROM task WHERE indicator = $1 AND period = $2 AND lead_unit_id = $3
             AND state NOT IN ('closed','cancelled') LIMIT 1`,
          [input.indicator, row.snapshot.period, row.unitId],
        );
        if (existing) {
          skipped.push({ unitId: row.unitId, taskId: existing.id });
          continue;
        }
        const deadline = await this.deadlineFor(
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
    return { opened: await this.list(actor.principal, { ids: opened }), skipped };
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
    const [row] = await manager.query(
      `INSERT INTO task (title, detail, source, source_ref, state, region_code, lead_unit_id, co_unit_ids,
          opener_region, opened_by, opened_at, original_deadline, deadline, indicator, period, snapshot, updated_at,
          deadline_from, deadline_working_days, deadline_provisional_years)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $11, $16, $17, $18)
       RETURNING id`,
      [
        input.title.trim(),
        input.detail?.trim() ?? '',
        input.source,
        input.sourceRef ?? null,
        state,
        args.regionCode,
        input.leadUnitId,
        args.coUnits,
        args.openerRegion,
        actor.principal.username,
        now,
        args.deadline.due,
        input.indicator ?? null,
        input.period ?? null,
        args.snapshot ? JSON.stringify(args.snapshot) : null,
        args.deadline.from,
        args.deadline.workingDays,
        [...args.deadline.provisionalYears],
      ],
    );
    const id: string = row.id;
    const provisional = args.deadline.provisionalYears.length
      ? { provisionalYears: args.deadline.provisionalYears }
      : {};
    await this.event(manager, id, actor, now, 'open', null, 'draft', null, {
      deadline: args.deadline.due,
      ...(args.deadline.workingDays ? { workingDays: args.deadline.workingDays } : {}),
      ...provisional,
      leadUnitId: input.leadUnitId,
      ...(args.bulk ? { bulk: true } : {}),
    });
    if (assign)
      await this.event(manager, id, actor, now, 'assign', 'draft', 'assigned', null, null);
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

  /**
   * The deadline of a new task: a date given, or working days from today (Beijing) on the
   * region's calendar, provisional across a year whose national notice is not in yet.
   */
  private async deadlineFor(
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
    await this.dataSource.transaction(async (manager) => {
      const row = await this.findRow(manager, scope, id, true);
      const facts = factsOf(row);
      const decision = decide(facts, action, actorFacts(actor.principal, scope), {
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
      const sets: string[] = ['state = $2', 'updated_at = $3'];
      const params: unknown[] = [id, decision.to, now];
      const data: Record<string, unknown> = {};
      let deadline = row.deadline;
      switch (action) {
        case 'submit': {
          // decide() refused a submission without a report.
          const report = (input.report ?? '').trim();
          params.push(report);
          sets.push(`report = $${params.length}`);
          data['report'] = report;
          break;
        }
        case 'request_extension':
          params.push(JSON.stringify({ until: input.until, reason, by: actor.principal.username }));
          sets.push(`pending_extension = $${params.length}`);
          data['until'] = input.until;
          data['deadline'] = row.deadline;
          break;
        case 'grant_extension':
          // decide() refused a grant with no request waiting.
          deadline = row.pending_extension?.until ?? row.deadline;
          params.push(deadline);
          // The granted date is a date, no longer a count of working days: never recounted.
          sets.push(
            `deadline = $${params.length}`,
            'pending_extension = NULL',
            'deadline_working_days = NULL',
            "deadline_provisional_years = '{}'",
          );
          data['from'] = row.deadline;
          data['to'] = deadline;
          data['originalDeadline'] = row.original_deadline;
          break;
        case 'refuse_extension':
          sets.push('pending_extension = NULL');
          data['until'] = row.pending_extension?.until ?? null;
          data['deadline'] = row.deadline;
          break;
        case 'verify':
          sets.push(`effect = $${params.push(row.indicator ? 'pending' : 'not_applicable')}`);
          closed = row.indicator !== null;
          break;
        case 'cancel':
          sets.push('pending_extension = NULL');
          break;
        case 'return':
          data['from'] = row.state === 'submitted' ? 'sign-off' : 'verification';
          break;
      }
      await manager.query(`UPDATE task SET ${sets.join(', ')} WHERE id = $1`, params);
      await this.event(
        manager,
        id,
        actor,
        now,
        action,
        row.state,
        decision.to,
        reason,
        Object.keys(data).length ? data : null,
      );
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
    return this.get(actor.principal, id);
  }

  // ---------- evidence ----------

  async addEvidence(
    actor: AuditActor,
    id: string,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<TaskEvidence> {
    if (!file) throw new BadRequestException('attach the evidence file as multipart field "file"');
    const scope = await this.scopes.resolve(actor.principal);
    let checked;
    try {
      checked = checkEvidence(
        Buffer.from(file.originalname, 'latin1').toString('utf8'),
        file.buffer,
      );
    } catch (error) {
      if (error instanceof EvidenceRejected) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findRow(manager, scope, id, true);
      if (
        !actor.principal.units.includes(row.lead_unit_id) ||
        !actor.principal.permissions.has('task:work')
      )
        throw new ForbiddenException(
          `only members of the lead unit ${row.lead_unit_id} add evidence to this task`,
        );
      if (!['acknowledged', 'in_progress'].includes(row.state))
        throw new ConflictException(
          `evidence is added while the task is acknowledged or in progress; it is ${row.state.replace('_', ' ')}`,
        );
      const [dup] = await manager.query(
        'SELECT id FROM task_evidence WHERE task_id = $1 AND sha256 = $2',
        [id, checked.sha256],
      );
      if (dup)
        throw new ConflictException(
          `this file (SHA-256 ${checked.sha256.slice(0, 12)}…) is already attached to the task`,
        );
      const [ev] = await manager.query(
        `INSERT INTO task_evidence (task_id, file_name, media_type, size, sha256, bytes, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          id,
          checked.fileName,
          checked.mediaType,
          checked.size,
          checked.sha256,
          checked.bytes,
          actor.principal.username,
          now,
        ],
      );
      const meta = {
        evidenceId: ev.id,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
      };
      await this.event(manager, id, actor, now, 'evidence', null, null, null, meta);
      await this.audit.record(manager, actor, {
        action: 'task.evidence.add',
        targetType: 'task',
        targetId: id,
        regionCodes: [row.region_code],
        after: meta,
      });
      return {
        id: ev.id,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        uploadedBy: actor.principal.username,
        uploadedAt: now.toISOString(),
      };
    });
  }

  async downloadEvidence(actor: AuditActor, id: string, evidenceId: string) {
    const scope = await this.scopes.resolve(actor.principal);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findRow(manager, scope, id, false);
      const [ev] = await manager.query(
        'SELECT file_name, media_type, sha256, bytes FROM task_evidence WHERE id = $1 AND task_id = $2',
        [evidenceId, id],
      );
      if (!ev) throw new NotFoundException(`evidence "${evidenceId}" not found on this task`);
      await this.audit.record(manager, actor, {
        action: 'task.evidence.download',
        targetType: 'task',
        targetId: id,
        regionCodes: [row.region_code],
        after: { evidenceId, fileName: ev.file_name, sha256: ev.sha256 },
      });
      return {
        name: ev.file_name as string,
        type: ev.media_type as string,
        bytes: ev.bytes as Buffer,
      };
    });
  }

  // ---------- reads ----------

  async get(principal: Principal, id: string): Promise<TaskDetail> {
    const scope = await this.scopes.resolve(principal);
    const row = await this.findRow(this.dataSource.manager, scope, id, false);
    const [summary] = await this.summaries([row]);
    const events: Array<{
      id: string;
      at: Date;
      actor: string;
      action: string;
      from_state: TaskState | null;
      to_state: TaskState | null;
      reason: string | null;
      data: Record<string, unknown> | null;
    }> = await this.dataSource.query(
      'SELECT e.id::text AS id, e.at, e.actor, e.action, e.from_state, e.to_state, e.reason, e.data FROM task_event e WHERE e.task_id = $1 ORDER BY e.id',
      [id],
    );
    const evidence = await this.dataSource.query(
      `SELECT id, file_name, media_type, size, sha256, uploaded_by, uploaded_at
         FROM task_evidence WHERE task_id = $1 ORDER BY uploaded_at, id`,
      [id],
    );
    return {
      ...summary,
      detail: row.detail,
      snapshot: row.snapshot,
      sourceRef: row.source_ref,
      report: row.report,
      effectSnapshot: row.effect_snapshot,
      events: events.map(
        (e): TaskEvent => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actor,
          action: e.action,
          fromState: e.from_state,
          toState: e.to_state,
          reason: e.reason,
          data: e.data,
        }),
      ),
      evidence: evidence.map(
        (e: {
          id: string;
          file_name: string;
          media_type: string;
          size: number;
          sha256: string;
          uploaded_by: string;
          uploaded_at: Date;
        }): TaskEvidence => ({
          id: e.id,
          fileName: e.file_name,
          mediaType: e.media_type,
          size: e.size,
          sha256: e.sha256,
          uploadedBy: e.uploaded_by,
          uploadedAt: e.uploaded_at.toISOString(),
        }),
      ),
      actions: availableActions(factsOf(row), actorFacts(principal, scope), this.today()),
    };
  }

  /** Every task in scope that matches: for the city view and other counts. */
  async list(principal: Principal, input: ListInput): Promise<TaskSummary[]> {
    const filter = await this.filter(principal, input);
    if (!filter) return [];
    const rows: TaskRow[] = await this.dataSource.query(
      `${TASK_SELECT} WHERE ${filter.where} ORDER BY t.deadline, t.number`,
      filter.params,
    );
    return this.summaries(rows);
  }

  /** One page of the matching tasks, soonest deadline first, and how many match in all. */
  async page(
    principal: Principal,
    input: ListInput,
    limit = MAX_TASK_PAGE,
    offset = 0,
  ): Promise<{ items: TaskSummary[]; total: number }> {
    const filter = await this.filter(principal, input);
    if (!filter) return { items: [], total: 0 };
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (${TASK_SELECT} WHERE ${filter.where}) matching`,
      filter.params,
    );
    const n = filter.params.length;
    const rows: TaskRow[] = await this.dataSource.query(
      `${TASK_SELECT} WHERE ${filter.where} ORDER BY t.deadline, t.number
        LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...filter.params, Math.min(limit, MAX_TASK_PAGE), offset],
    );
    return { items: await this.summaries(rows), total };
  }

  /** The WHERE clause of a task query in the caller's scope; null when the inbox is empty by role. */
  private async filter(
    principal: Principal,
    input: ListInput,
  ): Promise<{ where: string; params: unknown[] } | null> {
    const scope = await this.scopes.resolve(principal);
    const params: unknown[] = scopeParams(scope);
    const where = [TASK_IN_SCOPE];
    const units = [...principal.units];
    switch (input.inbox ?? 'all') {
      case 'unit':
        params.push(units);
        where.push(
          `(t.lead_unit_id = ANY($${params.length}) OR t.co_unit_ids && $${params.length})`,
        );
        where.push(`t.state NOT IN ('closed','cancelled','draft')`);
        break;
      case 'sign-off':
        if (!principal.permissions.has('task:sign-off')) return null;
        params.push(units);
        where.push(`t.lead_unit_id = ANY($${params.length}) AND t.state = 'submitted'`);
        break;
      case 'verify':
        if (!principal.permissions.has('task:verify') || scope.unitIds) return null;
        where.push(`t.opener_region = ANY($1::text[]) AND t.state = 'signed_off'`);
        break;
      case 'opened':
        if (scope.unitIds) return null;
        where.push(`t.opener_region = ANY($1::text[])`);
        break;
    }
    if (input.state) where.push(`t.state = $${params.push(input.state)}`);
    if (input.region) {
      if (!scope.regionCodes.includes(input.region))
        throw new NotFoundException(`region "${input.region}" not found`);
      const below = await this.scopes.regionsAtOrBelow([input.region]);
      where.push(`t.region_code = ANY($${params.push(below)}::text[])`);
    }
    if (input.indicator) where.push(`t.indicator = $${params.push(input.indicator)}`);
    if (input.period) where.push(`t.period = $${params.push(input.period)}`);
    if (input.ids) where.push(`t.id = ANY($${params.push(input.ids)}::uuid[])`);
    return { where: where.join(' AND '), params };
  }

  /** Tasks by county and state, with overdue and red counts: the city view. */
  async cityView(principal: Principal, region: string | undefined): Promise<CityViewRow[]> {
    const tasks = await this.list(principal, region ? { region } : {});
    const byRegion = new Map<
      string,
      CityViewRow & { byState: Partial<Record<TaskState, number>> }
    >();
    for (const t of tasks) {
      let row = byRegion.get(t.regionCode);
      if (!row) {
        row = {
          regionCode: t.regionCode,
          regionNameZh: t.regionNameZh,
          byState: {},
          open: 0,
          overdue: 0,
          red: 0,
        };
        byRegion.set(t.regionCode, row);
      }
      row.byState[t.state] = (row.byState[t.state] ?? 0) + 1;
      const open = t.state !== 'closed' && t.state !== 'cancelled';
      (row as { open: number }).open += open ? 1 : 0;
      (row as { overdue: number }).overdue += open && t.overdueWorkingDays > 0 ? 1 : 0;
      (row as { red: number }).red += t.reminder === 'red' ? 1 : 0;
    }
    return [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  }

  /** The default thresholds: where no region above a task has its own. */
  async defaultPolicy(): Promise<ReminderPolicy> {
    const [row] = await this.dataSource.query(
      'SELECT due_soon_days, yellow_after_days, red_after_days FROM task_reminder_policy WHERE id = 1',
    );
    if (!row) return DEFAULT_REMINDER_POLICY;
    return {
      dueSoonDays: row.due_soon_days,
      yellowAfterDays: row.yellow_after_days,
      redAfterDays: row.red_after_days,
    };
  }

  /**
   * The thresholds in force for each region: its own, else the nearest region above it that
   * has some, else the default. One query for any number of regions.
   */
  async policiesFor(regionCodes: readonly string[]): Promise<Map<string, RegionReminderPolicy>> {
    const codes = [...new Set(regionCodes)];
    const out = new Map<string, RegionReminderPolicy>();
    if (codes.length === 0) return out;
    const rows: Array<{
      start: string;
      region_code: string;
      due_soon_days: number;
      yellow_after_days: number;
      red_after_days: number;
      updated_by: string;
    }> = await this.dataSource.query(
      `WITH RECURSIVE up(start, code, depth) AS (
         SELECT c, c, 0 FROM unnest($1::text[]) AS c
         UNION ALL
         SELECT up.start, r.parent_code, up.depth + 1
           FROM up JOIN region r ON r.code = up.code WHERE r.parent_code IS NOT NULL
       )
       SELECT DISTINCT ON (up.start) up.start, p.region_code, p.due_soon_days,
              p.yellow_after_days, p.red_after_days, p.updated_by
         FROM up JOIN task_reminder_policy_region p ON p.region_code = up.code
        ORDER BY up.start, up.depth`,
      [codes],
    );
    for (const r of rows)
      out.set(r.start, {
        regionCode: r.start,
        dueSoonDays: r.due_soon_days,
        yellowAfterDays: r.yellow_after_days,
        redAfterDays: r.red_after_days,
        setFor: r.region_code,
        updatedBy: r.updated_by,
      });
    const missing = codes.filter((c) => !out.has(c));
    if (missing.length > 0) {
      const fallback = await this.defaultPolicy();
      for (const c of missing)
        out.set(c, { ...fallback, regionCode: c, setFor: null, updatedBy: null });
    }
    return out;
  }

  /** The thresholds in force for a region of the caller's scope (404 outside it). */
  async policy(principal: Principal, regionCode: string): Promise<RegionReminderPolicy> {
    const scope = await this.scopes.resolve(principal);
    if (!scope.regionCodes.includes(regionCode))
      throw new NotFoundException(`region ${regionCode} not found`);
    return (await this.policiesFor([regionCode])).get(regionCode) as RegionReminderPolicy;
  }

  /**
   * Sets a region's thresholds, inherited by the regions below it unless they set their own.
   * Only within the caller's scope: one city's escalation is not another city's to change.
   */
  async setPolicy(
    actor: AuditActor,
    regionCode: string,
    policy: ReminderPolicy,
  ): Promise<RegionReminderPolicy> {
    if (policy.redAfterDays < policy.yellowAfterDays)
      throw new BadRequestException(
        `redAfterDays (${policy.redAfterDays}) must be at least yellowAfterDays (${policy.yellowAfterDays})`,
      );
    const before = await this.policy(actor.principal, regionCode);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO task_reminder_policy_region
           (region_code, due_soon_days, yellow_after_days, red_after_days, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (region_code) DO UPDATE SET due_soon_days = $2, yellow_after_days = $3,
           red_after_days = $4, updated_by = $5, updated_at = now()`,
        [
          regionCode,
          policy.dueSoonDays,
          policy.yellowAfterDays,
          policy.redAfterDays,
          actor.principal.username,
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'task.reminder-policy.set',
        targetType: 'task-reminder-policy',
        targetId: regionCode,
        regionCodes: [regionCode],
        before,
        after: policy,
      });
    });
    return this.policy(actor.principal, regionCode);
  }

  // ---------- helpers ----------

  async summaries(rows: TaskRow[]): Promise<TaskSummary[]> {
    if (rows.length === 0) return [];
    const events: Array<{ task_id: string; at: Date; to_state: TaskState }> =
      await this.dataSource.query(
        `SELECT task_id, at, to_state FROM task_event
          WHERE task_id = ANY($1::uuid[]) AND to_state IS NOT NULL ORDER BY id`,
        [rows.map((r) => r.id)],
      );
    const byTask = new Map<string, ClockEvent[]>();
    for (const e of events) {
      const list = byTask.get(e.task_id) ?? [];
      list.push({ at: e.at, toState: e.to_state });
      byTask.set(e.task_id, list);
    }
    const calendar = await this.calendar.stored();
    const policies = await this.policiesFor(rows.map((r) => r.region_code));
    const now = this.clock.now();
    return rows.map((r) => {
      const clock = taskClock(
        r.state,
        r.deadline,
        byTask.get(r.id) ?? [],
        now,
        { ...calendar, region: calendarRegion(r.region_code) },
        policies.get(r.region_code) ?? DEFAULT_REMINDER_POLICY,
      );
      return {
        id: r.id,
        number: Number(r.number),
        title: r.title,
        source: r.source,
        state: r.state,
        regionCode: r.region_code,
        regionNameZh: r.region_name_zh,
        leadUnitId: r.lead_unit_id,
        leadUnitNameZh: r.lead_unit_name_zh,
        coUnitIds: r.co_unit_ids,
        openerRegion: r.opener_region,
        openedBy: r.opened_by,
        openedAt: r.opened_at.toISOString(),
        originalDeadline: r.original_deadline,
        deadline: r.deadline,
        indicator: r.indicator,
        period: r.period,
        pendingExtension: r.pending_extension
          ? { until: r.pending_extension.until, reason: r.pending_extension.reason }
          : null,
        workingDays: r.deadline_working_days,
        provisional: r.deadline_provisional_years.length > 0,
        provisionalYears: r.deadline_provisional_years,
        ...clock,
        effect: r.effect,
      };
    });
  }

  private async findRow(
    manager: EntityManager,
    scope: DataScope,
    id: string,
    lock: boolean,
  ): Promise<TaskRow> {
    const rows: TaskRow[] = await manager.query(
      `${TASK_SELECT} WHERE t.id = $3 AND ${TASK_IN_SCOPE}${lock ? ' FOR UPDATE OF t' : ''}`,
      [...scopeParams(scope), id],
    );
    if (!rows[0]) throw new NotFoundException(`task "${id}" not found`);
    return rows[0];
  }

  private async unitInScope(scope: DataScope, id: string, what = 'lead unit') {
    const [unit] = await this.dataSource.query(
      `SELECT id, name_zh, region_code FROM unit WHERE id = $1 AND region_code = ANY($2::text[])`,
      [id, [...scope.regionCodes]],
    );
    if (!unit) throw new NotFoundException(`${what} "${id}" not found`);
    return {
      id: unit.id as string,
      nameZh: unit.name_zh as string,
      regionCode: unit.region_code as string,
    };
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

  private async event(
    manager: EntityManager,
    taskId: string,
    actor: AuditActor | null,
    at: Date,
    action: string,
    from: TaskState | null,
    to: TaskState | null,
    reason: string | null,
    data: Record<string, unknown> | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO task_event (task_id, at, actor, action, from_state, to_state, reason, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        taskId,
        at,
        actor?.principal.username ?? 'system',
        action,
        from,
        to,
        reason,
        data ? JSON.stringify(data) : null,
      ],
    );
  }
}

function factsOf(row: TaskRow): TaskFacts {
  return {
    state: row.state,
    deadline: row.deadline,
    leadUnitId: row.lead_unit_id,
    openerRegion: row.opener_region,
    pendingExtension: row.pending_extension !== null,
  };
}

function actorFacts(principal: Principal, scope: DataScope): ActorFacts {
  return {
    permissions: principal.permissions,
    units: principal.units,
    regionCodes: scope.regionCodes,
  };
}
