import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { DataScope } from '@efficacy/api/core';

/**
 * Computed assessments, kept per version of the data (ADR 0009). Every write to the figures,
 * targets and registry is audited inside its own transaction, so the newest audit entry's id
 * moves exactly when what an assessment reads has changed, and becomes visible only with it.
 * A result is cached under that id and the caller's data scope; identical requests that
 * arrive together share one computation.
 */
@Injectable()
export class AssessmentCache {
  private readonly entries = new LRUCache<string, Promise<unknown>>({ max: 500 });
  private hits = 0;
  private misses = 0;

  constructor(private readonly dataSource: DataSource) {}

  async get<T>(scope: DataScope, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.version();
    const full = `${version}|${scopeKey(scope)}|${key}`;
    const cached = this.entries.get(full) as Promise<T> | undefined;
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const running = compute();
    this.entries.set(full, running);
    // A failure (bad period, region gone) is answered, not remembered.
    running.catch(() => this.entries.delete(full));
    return running;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  private async version(): Promise<string> {
    const rows: Array<{ v: string | null }> = await this.dataSource.query(
      `SELECT max(id)::text AS v FROM audit_log`,
    );
    return rows[0]?.v ?? '0';
  }
}

/** What a user may see decides what the engine saw: regions and, for departments, units. */
function scopeKey(scope: DataScope): string {
  const regions = [...scope.regionCodes].sort().join(',');
  const units = scope.unitIds === null ? '*' : [...scope.unitIds].sort().join(',');
  return `${regions}/${units}`;
}
