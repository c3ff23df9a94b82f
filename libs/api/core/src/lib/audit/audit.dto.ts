// Response shapes of the audit endpoints, read into the OpenAPI document by @nestjs/swagger's
// compiler plugin (ADR 0017).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One audit entry: who did what to which record, with the record before and after. */
export class AuditEntryDto {
  /** The entry's place in the log (a decimal string); page backwards with before=<id>. */
  id!: string;

  occurredAt!: string;

  /** The Keycloak username of the actor. */
  actor!: string;

  actorRoles!: string[];

  /** What was done, e.g. target.set or task.open. */
  action!: string;

  targetType!: string;

  targetId!: string | null;

  regionCodes!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the record before the change, as JSON',
  })
  before!: unknown;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the record after the change, as JSON',
  })
  after!: unknown;

  requestId!: string | null;

  clientAddress!: string | null;

  /** This entry's link in the hash chain. */
  hash!: string;
}

/** The hash chain's verdict: ok with the last hash, or the first entry where it breaks. */
export class AuditVerdictDto {
  ok!: boolean;

  /** Entries checked. */
  entries!: number;

  @ApiPropertyOptional({ description: 'the last hash, when the chain holds' })
  lastHash?: string;

  @ApiPropertyOptional({ description: 'the id of the first entry that breaks the chain' })
  brokenAt?: string;

  @ApiPropertyOptional({ description: 'why that entry breaks the chain' })
  reason?: string;
}
