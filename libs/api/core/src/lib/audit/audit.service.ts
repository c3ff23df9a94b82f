import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import {
  ChainVerifier,
  GENESIS_HASH,
  AUDIT_HASH_VERSION,
  entryHash,
  type AuditFields,
  type ChainRow,
  type ChainVerdict,
} from './audit-chain';

/** Who acts, from where, under which request: taken from the HTTP request once. */
export interface AuditActor {
  principal: Principal;
  requestId: string | null;
  clientAddress: string | null;
}

/** Who started a background job, as a job carries it: enough to audit the job's writes. */
export interface JobInitiator {
  username: string;
  roles: string[];
  regions: string[];
  units: string[];
}

export function jobInitiator(principal: Principal): JobInitiator {
  const { username, roles, regions, units } = principal;
  return { username, roles, regions, units };
}

/**
 * The audit actor of a background job's writes: the person whose action queued it (no request
 * of its own, no address; no permissions, since the job acts on what was already allowed).
 */
export function jobActor(who: JobInitiator, requestId: string): AuditActor {
  return {
    principal: {
      subject: who.username,
      username: who.username,
      displayName: who.username,
      roles: who.roles as Principal['roles'],
      permissions: new Set(),
      regions: who.regions,
      units: who.units,
      expiresAt: new Date(0),
    },
    requestId,
    clientAddress: null,
  };
}

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Regions the event concerns, for reading the log within scope. */
  regionCodes: string[];
  before?: unknown;
  after?: unknown;
}

// Serialises appends: every writer takes this lock inside its own transaction, so the
// chain has one tail and an entry commits or rolls back with the change it describes.
const AUDIT_LOCK_KEY = 0x0eff1ca;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an entry inside the caller's transaction (`manager`), so the write and its trace land together. */
  async record(manager: EntityManager, actor: AuditActor, event: AuditEvent): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'audit entries are written inside the transaction of the change they describe',
      );
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [tail]: Array<{ hash: string }> = await manager.query(
      'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    const prevHash = tail?.hash ?? GENESIS_HASH;
    const fields: AuditFields = {
      occurredAt: new Date(),
      actor: actor.principal.username,
      actorRoles: [...actor.principal.roles],
      actorScope: { regions: actor.principal.regions, units: actor.principal.units },
      regionCodes: [...new Set(event.regionCodes)].sort(),
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress,
    };
    const hash = entryHash(prevHash, fields, AUDIT_HASH_VERSION);
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO audit_log (occurred_at, actor, actor_roles, actor_scope, region_codes, action, target_type,
         target_id, before, after, request_id, client_address, prev_hash, hash, hash_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        fields.occurredAt,
        fields.actor,
        fields.actorRoles,
        JSON.stringify(fields.actorScope),
        fields.regionCodes,
        fields.action,
        fields.targetType,
        fields.targetId,
        JSON.stringify(fields.before),
        JSON.stringify(fields.after),
        fields.requestId,
        fields.clientAddress,
        prevHash,
        hash,
        AUDIT_HASH_VERSION,
      ],
    );
    return String(row.id);
  }

  /** Records an event that is its own transaction (an export, a download). */
  async recordAlone(actor: AuditActor, event: AuditEvent): Promise<string> {
    return this.dataSource.transaction((manager) => this.record(manager, actor, event));
  }

  /** Checks the whole chain, reading it in pages so memory stays flat as the log grows. */
  async verify(): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const page: RawAuditRow[] = await this.dataSource.query(
        `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000`,
        [after],
      );
      if (page.length === 0) return verifier.result();
      for (const raw of page) {
        const broken = verifier.check(toChainRow(raw));
        if (broken) return broken;
      }
      after = String(page[page.length - 1].id);
    }
  }
}

export const AUDIT_COLUMNS =
  'id, occurred_at, actor, actor_roles, actor_scope, region_codes, action, target_type, target_id, before, after, request_id, client_address, prev_hash, hash, hash_version';

export interface RawAuditRow {
  id: string | number;
  occurred_at: Date;
  actor: string;
  actor_roles: string[];
  actor_scope: unknown;
  region_codes: string[];
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
  hash_version: number;
}

export function toChainRow(raw: RawAuditRow): ChainRow {
  return {
    id: String(raw.id),
    occurredAt: raw.occurred_at,
    actor: raw.actor,
    actorRoles: raw.actor_roles,
    actorScope: raw.actor_scope,
    regionCodes: raw.region_codes,
    action: raw.action,
    targetType: raw.target_type,
    targetId: raw.target_id,
    before: raw.before,
    after: raw.after,
    requestId: raw.request_id,
    clientAddress: raw.client_address,
    prevHash: raw.prev_hash,
    hash: raw.hash,
    hashVersion: raw.hash_version,
  };
}
