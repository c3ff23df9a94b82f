import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, ScopeService, type AuditActor, type Principal } from '@efficacy/api/core';
import {
  DEFAULT_REMINDER_POLICY,
  type RegionReminderPolicy,
  type ReminderPolicy,
} from '@efficacy/api-contract';
import { TaskRepository } from './task.repository';

/**
 * The reminder thresholds: working days before the deadline to warn, after it to turn yellow
 * and red. Set per region and inherited down the region tree; the single default row where no
 * region above a task has its own (ADR 0006).
 */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** The default thresholds: where no region above a task has its own. */
  async defaultPolicy(): Promise<ReminderPolicy> {
    const row = await this.tasks.defaultPolicy();
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
    for (const r of await this.tasks.inheritedPolicies(codes))
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
    await this.tasks.transaction(async (manager) => {
      await this.tasks.setPolicy(manager, regionCode, policy, actor.principal.username);
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
}
