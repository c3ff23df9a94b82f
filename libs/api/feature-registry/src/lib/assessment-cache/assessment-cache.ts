import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { DataScope, Principal } from '@efficacy/api/core';

/** An answer ready to send: its JSON as bytes, and the entity tag of those bytes. */
export interface JsonBody {
  bytes: Buffer;
  etag: string;
}

/**
 * Computed assessments, kept per version of the data (ADR 0009). Every write to the figures,
 * targets and registry is audited inside its own transaction, so the newest audit entry's id
 * moves exactly when what an assessment reads has changed, and becomes visible only with it.
 * A result is cached under that id and the caller's data scope; identical requests that
 * arrive together share one computation. The caller's scope (regions below theirs in the
 * region tree, itself audited data) and the JSON of an answer are kept the same way, so a
 * repeated request costs one indexed query.
 */
@Injectable()
export class AssessmentCache {
  private readonly entries = new LRUCache<string, Promise<unknown>>({ max: 500 });
  private readonly scopes = new LRUCache<string, Promise<DataScope>>({ max: 1000 });
  private readonly json = new WeakMap<object, JsonBody>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The caller's scope at the current data version, resolved once per version: the version
   * (for `get`) and the scope come from one query when the scope is already known.
   */
  async scopeAt(
    principal: Principal,
    resolve: () => Promise<DataScope>,
  ): Promise<{ version: string; scope: DataScope }> {
    const version = await this.version();
    const key = `${version}|${principal.roles.join(',')}|${principal.regions.join(',')}|${principal.units.join(',')}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = resolve();
      this.scopes.set(key, scope);
      scope.catch(() => this.scopes.delete(key));
    }
    return { version, scope: await scope };
  }

  async get<T>(
    scope: DataScope,
    key: string,
    compute: () => Promise<T>,
    atVersion?: string,
  ): Promise<T> {
    const version = atVersion ?? (await this.version());
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

  /**
   * A cached answer as the bytes of its JSON and their entity tag, made once however often it
   * is sent: encoding 47 kB of Chinese text and hashing it for the ETag on every request was
   * most of what a cached answer cost.
   */
  toJson(value: object): JsonBody {
    let body = this.json.get(value);
    if (body === undefined) {
      const bytes = Buffer.from(JSON.stringify(value), 'utf8');
      body = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
      this.json.set(value, body);
    }
    return body;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  /**
   * The data version, read by a query that starts after the caller asked, so a request always
   * sees every write committed before it arrived. Requests that arrive while a read is under
   * way share the next one: under fifty concurrent clients that is one query per round trip,
   * not one per request.
   */
  version(): Promise<string> {
    if (!this.running) return this.readVersion();
    this.queued ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = undefined;
        return this.readVersion();
      });
    return this.queued;
  }

  private running: Promise<string> | undefined;
  private queued: Promise<string> | undefined;

  private readVersion(): Promise<string> {
    const read = this.dataSource
      .query(`SELECT max(id)::text AS v FROM audit_log`)
      .then((rows: Array<{ v: string | null }>) => rows[0]?.v ?? '0');
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = undefined;
    };
    read.then(done, done);
    return read;
  }
}

/** What a user may see decides what the engine saw: regions and, for departments, units. */
function scopeKey(scope: DataScope): string {
  const regions = [...scope.regionCodes].sort().join(',');
  const units = scope.unitIds === null ? '*' : [...scope.unitIds].sort().join(',');
  return `${regions}/${units}`;
}
