import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonV1 } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's body is serialised before hashing, stored with each entry
 * (`audit_log.hash_version`): 1 = the hand-written sorted JSON of the entries written
 * before migration 1764200000000, 2 = RFC 8785. New entries are written with the newest.
 */
export const AUDIT_HASH_VERSIONS = [1, 2] as const;
export type AuditHashVersion = (typeof AUDIT_HASH_VERSIONS)[number];
export const AUDIT_HASH_VERSION: AuditHashVersion = 2;

/** The fields of an audit entry that its hash covers: everything but its id and hashes. */
export interface AuditFields {
  occurredAt: Date;
  actor: string;
  actorRoles: string[];
  actorScope: unknown;
  regionCodes: string[];
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

export function entryHash(
  prevHash: string,
  fields: AuditFields,
  version: AuditHashVersion = AUDIT_HASH_VERSION,
): string {
  const serialise = version === 1 ? canonicalJsonV1 : canonicalJson;
  const body = serialise({
    occurredAt: fields.occurredAt.toISOString(),
    actor: fields.actor,
    actorRoles: fields.actorRoles,
    actorScope: fields.actorScope ?? null,
    regionCodes: fields.regionCodes,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    before: fields.before ?? null,
    after: fields.after ?? null,
    requestId: fields.requestId,
    clientAddress: fields.clientAddress,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainRow extends AuditFields {
  id: string;
  prevHash: string;
  hash: string;
  hashVersion: number;
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: string; reason: string };

/**
 * Walks the chain in id order, one entry at a time so that a long log is checked in pages.
 * An edited entry no longer matches its own hash; a deleted one leaves the next entry
 * pointing at a hash that is not its predecessor's.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private count = 0;

  /** Null while the chain holds; the verdict naming the entry where it breaks otherwise. */
  check(row: ChainRow): Extract<ChainVerdict, { ok: false }> | null {
    this.count++;
    if (row.prevHash !== this.prev) {
      return {
        ok: false,
        entries: this.count,
        brokenAt: row.id,
        reason:
          'its link to the previous entry is broken: an entry before it was deleted or altered',
      };
    }
    if (!(AUDIT_HASH_VERSIONS as readonly number[]).includes(row.hashVersion)) {
      return {
        ok: false,
        entries: this.count,
        brokenAt: row.id,
        reason: `its hash version ${row.hashVersion} is not one this program knows`,
      };
    }
    if (entryHash(row.prevHash, row, row.hashVersion as AuditHashVersion) !== row.hash) {
      return {
        ok: false,
        entries: this.count,
        brokenAt: row.id,
        reason: 'its content does not match its hash: the entry was edited',
      };
    }
    this.prev = row.hash;
    return null;
  }

  result(): ChainVerdict {
    return { ok: true, entries: this.count, lastHash: this.prev };
  }
}

export function verifyChain(rows: Iterable<ChainRow>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const row of rows) {
    const broken = verifier.check(row);
    if (broken) return broken;
  }
  return verifier.result();
}
