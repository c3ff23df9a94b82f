import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DataScope } from '@efficacy/api/core';
import type {
  EffectResult,
  IndicatorSnapshot,
  TaskInbox,
  TaskSource,
  TaskState,
} from '@efficacy/api-contract';

/** A row of `task` with its region's and lead unit's names, as every task read selects it. */
export interface TaskRow {
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
  pending_extension: PendingExtension | null;
  effect: EffectResult | null;
  effect_snapshot: IndicatorSnapshot | null;
  deadline_working_days: number | null;
  deadline_provisional_years: number[];
}

export interface PendingExtension {
  until: string;
  reason: string;
  by: string;
}

export interface TaskEventRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  from_state: TaskState | null;
  to_state: TaskState | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

/** A state change of a task, for its clock. */
export interface TaskStateEventRow {
  task_id: string;
  at: Date;
  to_state: TaskState;
}

export interface TaskEvidenceRow {
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface TaskEvidenceFileRow {
  file_name: string;
  media_type: string;
  sha256: string;
  bytes: Buffer;
}

export interface UnitRow {
  id: string;
  name_zh: string;
  region_code: string;
}

export interface ReminderPolicyRow {
  due_soon_days: number;
  yellow_after_days: number;
  red_after_days: number;
}

/** The nearest thresholds set at or above a region (`start`), and where they were set. */
export interface InheritedPolicyRow extends ReminderPolicyRow {
  start: string;
  region_code: string;
  updated_by: string;
}

/** A task whose deadline runs, for the reminder scan. */
export interface RunningTaskRow {
  id: string;
  region_code: string;
  deadline: string;
}

/** What the effect check reads of a task. */
export interface EffectSubjectRow {
  id: string;
  state: TaskState;
  effect: EffectResult | null;
  indicator: string | null;
  period: string | null;
  region_code: string;
  lead_unit_id: string;
  opener_region: string;
  snapshot: IndicatorSnapshot | null;
}

/** A task as opened: what `INSERT INTO task` writes. */
export interface NewTask {
  title: string;
  detail: string;
  source: TaskSource;
  sourceRef: string | null;
  state: TaskState;
  regionCode: string;
  leadUnitId: string;
  coUnitIds: string[];
  openerRegion: string;
  openedBy: string;
  openedAt: Date;
  deadline: string;
  indicator: string | null;
  period: string | null;
  snapshot: IndicatorSnapshot | null;
  deadlineFrom: string | null;
  deadlineWorkingDays: number | null;
  deadlineProvisionalYears: number[];
}

/** What a transition writes besides the state; absent fields are left as they are. */
export interface TaskChange {
  state: TaskState;
  at: Date;
  report?: string;
  /** null clears a waiting request. */
  pendingExtension?: PendingExtension | null;
  /** A granted date: it is no longer a count of working days, and is never recounted. */
  grantedDeadline?: string;
  effect?: EffectResult;
}

export interface NewTaskEvent {
  taskId: string;
  at: Date;
  /** The username; 'system' for jobs. */
  actor: string;
  action: string;
  from: TaskState | null;
  to: TaskState | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface NewTaskEvidence {
  taskId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  uploadedBy: string;
  uploadedAt: Date;
}

/** Which tasks a read wants, already resolved against the caller's scope. */
export interface TaskFilter {
  scope: DataScope;
  inbox: TaskInbox;
  /** The caller's own units (for the unit and sign-off inboxes). */
  units: readonly string[];
  state?: TaskState;
  /** The region asked for and everything below it. */
  regionCodes?: readonly string[];
  indicator?: string;
  period?: string;
  ids?: readonly string[];
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

/**
 * The task tables (`task`, `task_event`, `task_evidence`, the reminder thresholds) behind
 * typed rows. Every query is parameterised; the data scope is applied here, in the query.
 * Writes take the caller's transaction.
 */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---------- tasks ----------

  /** One task in scope, locked for the transaction when `lock`; 404 when not found or not in scope. */
  async findInScope(
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

  /** The matching tasks, soonest deadline first; one page when `page` is given. */
  async find(filter: TaskFilter, page?: { limit: number; offset: number }): Promise<TaskRow[]> {
    const { where, params } = whereOf(filter);
    if (!page)
      return this.dataSource.query(
        `${TASK_SELECT} WHERE ${where} ORDER BY t.deadline, t.number`,
        params,
      );
    const n = params.length;
    return this.dataSource.query(
      `${TASK_SELECT} WHERE ${where} ORDER BY t.deadline, t.number
        LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, page.limit, page.offset],
    );
  }

  async count(filter: TaskFilter): Promise<number> {
    const { where, params } = whereOf(filter);
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (${TASK_SELECT} WHERE ${where}) matching`,
      params,
    );
    return total;
  }

  async insert(manager: EntityManager, task: NewTask): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO task (title, detail, source, source_ref, state, region_code, lead_unit_id, co_unit_ids,
          opener_region, opened_by, opened_at, original_deadline, deadline, indicator, period, snapshot, updated_at,
          deadline_from, deadline_working_days, deadline_provisional_years)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $11, $16, $17, $18)
       RETURNING id`,
      [
        task.title,
        task.detail,
        task.source,
        task.sourceRef,
        task.state,
        task.regionCode,
        task.leadUnitId,
        task.coUnitIds,
        task.openerRegion,
        task.openedBy,
        task.openedAt,
        task.deadline,
        task.indicator,
        task.period,
        task.snapshot ? JSON.stringify(task.snapshot) : null,
        task.deadlineFrom,
        task.deadlineWorkingDays,
        task.deadlineProvisionalYears,
      ],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, change: TaskChange): Promise<void> {
    const params: unknown[] = [id, change.state, change.at];
    const sets = ['state = $2', 'updated_at = $3'];
    if (change.report !== undefined) sets.push(`report = $${params.push(change.report)}`);
    if (change.pendingExtension === null) sets.push('pending_extension = NULL');
    else if (change.pendingExtension)
      sets.push(`pending_extension = $${params.push(JSON.stringify(change.pendingExtension))}`);
    if (change.grantedDeadline !== undefined)
      sets.push(
        `deadline = $${params.push(change.grantedDeadline)}`,
        'deadline_working_days = NULL',
        "deadline_provisional_years = '{}'",
      );
    if (change.effect !== undefined) sets.push(`effect = $${params.push(change.effect)}`);
    await manager.query(`UPDATE task SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** A task for the unit, indicator and period that is neither closed nor cancelled. */
  async openTaskFor(
    manager: EntityManager,
    indicator: string,
    period: string,
    leadUnitId: string,
  ): Promise<string | null> {
    const [existing]: Array<{ id: string }> = await manager.query(
      `SELECT id FROM task WHERE indicator = $1 AND period = $2 AND lead_unit_id = $3
         AND state NOT IN ('closed','cancelled') LIMIT 1`,
      [indicator, period, leadUnitId],
    );
    return existing?.id ?? null;
  }

  /** Holds `key` until the transaction ends: one bulk run at a time for it. */
  async lock(manager: EntityManager, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  // ---------- units ----------

  async unitInScope(scope: DataScope, id: string): Promise<UnitRow | null> {
    const [unit]: UnitRow[] = await this.dataSource.query(
      `SELECT id, name_zh, region_code FROM unit WHERE id = $1 AND region_code = ANY($2::text[])`,
      [id, [...scope.regionCodes]],
    );
    return unit ?? null;
  }

  async unitsInScope(scope: DataScope, ids: readonly string[]): Promise<UnitRow[]> {
    return this.dataSource.query(
      `SELECT id, name_zh, region_code FROM unit WHERE id = ANY($1::text[]) AND region_code = ANY($2::text[])`,
      [[...ids], [...scope.regionCodes]],
    );
  }

  // ---------- events ----------

  async addEvent(manager: EntityManager, event: NewTaskEvent): Promise<void> {
    await manager.query(
      `INSERT INTO task_event (task_id, at, actor, action, from_state, to_state, reason, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.taskId,
        event.at,
        event.actor,
        event.action,
        event.from,
        event.to,
        event.reason,
        event.data ? JSON.stringify(event.data) : null,
      ],
    );
  }

  async events(id: string): Promise<TaskEventRow[]> {
    return this.dataSource.query(
      'SELECT e.id::text AS id, e.at, e.actor, e.action, e.from_state, e.to_state, e.reason, e.data FROM task_event e WHERE e.task_id = $1 ORDER BY e.id',
      [id],
    );
  }

  /** The state changes of these tasks, oldest first: what their clocks are counted from. */
  async stateEvents(ids: readonly string[]): Promise<TaskStateEventRow[]> {
    return this.dataSource.query(
      `SELECT task_id, at, to_state FROM task_event
        WHERE task_id = ANY($1::uuid[]) AND to_state IS NOT NULL ORDER BY id`,
      [[...ids]],
    );
  }

  // ---------- evidence ----------

  async evidence(id: string): Promise<TaskEvidenceRow[]> {
    return this.dataSource.query(
      `SELECT id, file_name, media_type, size, sha256, uploaded_by, uploaded_at
         FROM task_evidence WHERE task_id = $1 ORDER BY uploaded_at, id`,
      [id],
    );
  }

  async hasEvidence(manager: EntityManager, id: string, sha256: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT id FROM task_evidence WHERE task_id = $1 AND sha256 = $2',
      [id, sha256],
    );
    return rows.length > 0;
  }

  async addEvidence(manager: EntityManager, file: NewTaskEvidence): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO task_evidence (task_id, file_name, media_type, size, sha256, bytes, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        file.taskId,
        file.fileName,
        file.mediaType,
        file.size,
        file.sha256,
        file.bytes,
        file.uploadedBy,
        file.uploadedAt,
      ],
    );
    return row.id;
  }

  async evidenceFile(
    manager: EntityManager,
    id: string,
    evidenceId: string,
  ): Promise<TaskEvidenceFileRow | null> {
    const [row]: TaskEvidenceFileRow[] = await manager.query(
      'SELECT file_name, media_type, sha256, bytes FROM task_evidence WHERE id = $1 AND task_id = $2',
      [evidenceId, id],
    );
    return row ?? null;
  }

  // ---------- reminders and the effect check ----------

  /** Tasks in these states (the ones whose deadline runs), by number. */
  async inStates(states: readonly TaskState[]): Promise<RunningTaskRow[]> {
    return this.dataSource.query(
      `SELECT id, region_code, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM task
        WHERE state = ANY($1::text[]) ORDER BY number`,
      [[...states]],
    );
  }

  /** Records a reached level once per task, level and deadline; false when it was recorded before. */
  async recordReminder(
    manager: EntityManager,
    reminder: { taskId: string; level: string; deadline: string; at: Date },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO task_reminder (task_id, level, deadline, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING task_id`,
      [reminder.taskId, reminder.level, reminder.deadline, reminder.at],
    );
    return inserted.length > 0;
  }

  /** Closed tasks whose effect is still pending, oldest first, at most `limit`. */
  async pendingEffects(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM task WHERE state = 'closed' AND effect = 'pending' ORDER BY number LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async effectSubject(id: string): Promise<EffectSubjectRow | null> {
    const [row]: EffectSubjectRow[] = await this.dataSource.query(
      `SELECT id, state, effect, indicator, period, region_code, lead_unit_id, opener_region, snapshot
         FROM task WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The region of a unit, in any scope (the effect check runs as the system). */
  async unitRegion(unitId: string): Promise<string | null> {
    const [row]: Array<{ region_code: string }> = await this.dataSource.query(
      'SELECT region_code FROM unit WHERE id = $1',
      [unitId],
    );
    return row?.region_code ?? null;
  }

  /** Sets the verdict of a pending effect; false when another run set it first. */
  async recordEffect(
    manager: EntityManager,
    id: string,
    verdict: EffectResult,
    after: IndicatorSnapshot | null,
    at: Date,
  ): Promise<boolean> {
    // UPDATE answers [rows, affected] through TypeORM.
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE task SET effect = $2, effect_snapshot = $3, updated_at = $4
        WHERE id = $1 AND effect = 'pending' RETURNING id`,
      [id, verdict, JSON.stringify(after), at],
    );
    return affected > 0;
  }

  // ---------- reminder thresholds ----------

  async defaultPolicy(): Promise<ReminderPolicyRow | null> {
    const [row]: ReminderPolicyRow[] = await this.dataSource.query(
      'SELECT due_soon_days, yellow_after_days, red_after_days FROM task_reminder_policy WHERE id = 1',
    );
    return row ?? null;
  }

  /** For each region, the thresholds of the nearest region at or above it that has its own. */
  async inheritedPolicies(regionCodes: readonly string[]): Promise<InheritedPolicyRow[]> {
    return this.dataSource.query(
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
      [[...regionCodes]],
    );
  }

  async setPolicy(
    manager: EntityManager,
    regionCode: string,
    policy: { dueSoonDays: number; yellowAfterDays: number; redAfterDays: number },
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO task_reminder_policy_region
         (region_code, due_soon_days, yellow_after_days, red_after_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (region_code) DO UPDATE SET due_soon_days = $2, yellow_after_days = $3,
         red_after_days = $4, updated_by = $5, updated_at = now()`,
      [regionCode, policy.dueSoonDays, policy.yellowAfterDays, policy.redAfterDays, by],
    );
  }
}

/** The WHERE clause and its parameters for a filter; scope first ($1 regions, $2 units). */
function whereOf(filter: TaskFilter): { where: string; params: unknown[] } {
  const params: unknown[] = scopeParams(filter.scope);
  const where = [TASK_IN_SCOPE];
  const units = [...filter.units];
  switch (filter.inbox) {
    case 'unit':
      params.push(units);
      where.push(`(t.lead_unit_id = ANY($${params.length}) OR t.co_unit_ids && $${params.length})`);
      where.push(`t.state NOT IN ('closed','cancelled','draft')`);
      break;
    case 'sign-off':
      params.push(units);
      where.push(`t.lead_unit_id = ANY($${params.length}) AND t.state = 'submitted'`);
      break;
    case 'verify':
      where.push(`t.opener_region = ANY($1::text[]) AND t.state = 'signed_off'`);
      break;
    case 'opened':
      where.push(`t.opener_region = ANY($1::text[])`);
      break;
    case 'all':
      break;
  }
  if (filter.state) where.push(`t.state = $${params.push(filter.state)}`);
  if (filter.regionCodes)
    where.push(`t.region_code = ANY($${params.push([...filter.regionCodes])}::text[])`);
  if (filter.indicator) where.push(`t.indicator = $${params.push(filter.indicator)}`);
  if (filter.period) where.push(`t.period = $${params.push(filter.period)}`);
  if (filter.ids) where.push(`t.id = ANY($${params.push([...filter.ids])}::uuid[])`);
  return { where: where.join(' AND '), params };
}
