import { Injectable, NotFoundException } from '@nestjs/common';
import { ScopeService, type DataScope, type Principal } from '@efficacy/api/core';
import {
  availableActions,
  type ActorFacts,
  type CityViewRow,
  type TaskDetail,
  type TaskEvent,
  type TaskEvidence,
  type TaskFacts,
  type TaskInbox,
  type TaskState,
  type TaskSummary,
} from '@efficacy/api-contract';
import type { TaskClock } from './task-clock';
import { TaskDeadlinesService } from './task-deadlines.service';
import { TaskRepository, type TaskFilter, type TaskRow } from './task.repository';

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
 * The reads: one task with its history, evidence and the actions open to the caller; the
 * inboxes and lists, paged; the city view. Always in the caller's data scope (out of scope
 * answers 404), clocks recomputed on every read.
 */
@Injectable()
export class TaskQueriesService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly scopes: ScopeService,
    private readonly deadlines: TaskDeadlinesService,
  ) {}

  async get(principal: Principal, id: string): Promise<TaskDetail> {
    const scope = await this.scopes.resolve(principal);
    const row = await this.tasks.findInScope(this.tasks.manager, scope, id, false);
    const [summary] = await this.summaries([row]);
    const events = await this.tasks.events(id);
    const evidence = await this.tasks.evidence(id);
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
        (e): TaskEvidence => ({
          id: e.id,
          fileName: e.file_name,
          mediaType: e.media_type,
          size: e.size,
          sha256: e.sha256,
          uploadedBy: e.uploaded_by,
          uploadedAt: e.uploaded_at.toISOString(),
        }),
      ),
      actions: availableActions(factsOf(row), actorFacts(principal, scope), this.deadlines.today()),
    };
  }

  /** Every task in scope that matches: for the city view and other counts. */
  async list(principal: Principal, input: ListInput): Promise<TaskSummary[]> {
    const filter = await this.filter(principal, input);
    if (!filter) return [];
    return this.summaries(await this.tasks.find(filter));
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
    const total = await this.tasks.count(filter);
    const rows = await this.tasks.find(filter, { limit: Math.min(limit, MAX_TASK_PAGE), offset });
    return { items: await this.summaries(rows), total };
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

  /** The summaries of these rows, each with its clock counted now. */
  async summaries(rows: readonly TaskRow[]): Promise<TaskSummary[]> {
    if (rows.length === 0) return [];
    const clocks = await this.deadlines.clocks(rows);
    return rows.map((r) => ({
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
      ...(clocks.get(r.id) as TaskClock),
      effect: r.effect,
    }));
  }

  /** The caller's filter, resolved against their scope; null when the inbox is empty by role. */
  private async filter(principal: Principal, input: ListInput): Promise<TaskFilter | null> {
    const scope = await this.scopes.resolve(principal);
    const inbox = input.inbox ?? 'all';
    if (inbox === 'sign-off' && !principal.permissions.has('task:sign-off')) return null;
    if (inbox === 'verify' && (!principal.permissions.has('task:verify') || scope.unitIds))
      return null;
    if (inbox === 'opened' && scope.unitIds) return null;
    let regionCodes: readonly string[] | undefined;
    if (input.region) {
      if (!scope.regionCodes.includes(input.region))
        throw new NotFoundException(`region "${input.region}" not found`);
      regionCodes = await this.scopes.regionsAtOrBelow([input.region]);
    }
    return {
      scope,
      inbox,
      units: principal.units,
      ...(input.state ? { state: input.state } : {}),
      ...(regionCodes ? { regionCodes } : {}),
      ...(input.indicator ? { indicator: input.indicator } : {}),
      ...(input.period ? { period: input.period } : {}),
      ...(input.ids ? { ids: input.ids } : {}),
    };
  }
}

export function factsOf(row: TaskRow): TaskFacts {
  return {
    state: row.state,
    deadline: row.deadline,
    leadUnitId: row.lead_unit_id,
    openerRegion: row.opener_region,
    pendingExtension: row.pending_extension !== null,
  };
}

export function actorFacts(principal: Principal, scope: DataScope): ActorFacts {
  return {
    permissions: principal.permissions,
    units: principal.units,
    regionCodes: scope.regionCodes,
  };
}
