import {
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '@efficacy/api/core';
import { calendarPrefixApplies, type CalendarEntry } from '@efficacy/api-contract';
import {
  CalendarError,
  DEFAULT_CALENDAR,
  addWorkingDays,
  calendarDaysBetween,
  type CalendarData,
  type CalendarOptions,
} from '@efficacy/working-calendar';

const CACHE_MS = 60_000;

interface CalendarRow {
  date: string;
  region_prefix: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: string | null;
}

/**
 * The working-day calendar as data (`working_calendar_day`): seeded from the shipped
 * national and regional days when empty, extended and corrected by administrators, and the
 * only calendar the API's deadline arithmetic reads.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly log = new Logger('CalendarService');
  private cached?: Promise<CalendarData>;
  private loadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seedIfEmpty();
  }

  /** Loads the shipped days into an empty table, once; later edits are never overwritten. */
  async seedIfEmpty(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE working_calendar_day IN SHARE ROW EXCLUSIVE MODE');
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM working_calendar_day');
      if (n > 0) return 0;
      await manager.query(
        `INSERT INTO working_calendar_day (date, region_prefix, kind, name, updated_by)
         SELECT d, p, k, n, 'shipped' FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS x(d, p, k, n)
         ON CONFLICT DO NOTHING`,
        [
          DEFAULT_CALENDAR.map((d) => d.date),
          DEFAULT_CALENDAR.map((d) => d.regionPrefix ?? ''),
          DEFAULT_CALENDAR.map((d) => d.kind),
          DEFAULT_CALENDAR.map((d) => d.name),
        ],
      );
      this.log.log(`working-day calendar seeded with ${DEFAULT_CALENDAR.length} days`);
      this.cached = undefined;
      return DEFAULT_CALENDAR.length;
    });
  }

  /**
   * The stored calendar, for the pure working-day functions. Read again after a minute, so an
   * edit made through another API instance reaches this one without a restart.
   */
  data(): Promise<CalendarData> {
    if (Date.now() - this.loadedAt > CACHE_MS) this.cached = undefined;
    if (!this.cached) this.loadedAt = Date.now();
    this.cached ??= this.dataSource
      .query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, region_prefix, kind, name, updated_by
           FROM working_calendar_day ORDER BY date, region_prefix`,
      )
      .then((rows: CalendarRow[]) =>
        rows.map((r) =>
          r.region_prefix
            ? { date: r.date, kind: r.kind, name: r.name, regionPrefix: r.region_prefix }
            : { date: r.date, kind: r.kind, name: r.name },
        ),
      )
      .catch((error) => {
        this.cached = undefined;
        throw error;
      });
    return this.cached;
  }

  async options(region?: string): Promise<CalendarOptions> {
    return { data: await this.data(), ...(region ? { region } : {}) };
  }

  async list(year?: number, region?: string): Promise<CalendarEntry[]> {
    const rows: CalendarRow[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, region_prefix, kind, name, updated_by
         FROM working_calendar_day
        WHERE ($1::int IS NULL OR extract(year FROM date) = $1)
          AND ($2::text IS NULL OR region_prefix = '' OR starts_with($2, region_prefix))
        ORDER BY date, region_prefix`,
      [year ?? null, region ?? null],
    );
    return rows.map((r) => ({
      date: r.date,
      kind: r.kind,
      name: r.name,
      regionPrefix: r.region_prefix,
      updatedBy: r.updated_by,
    }));
  }

  /** Adds or corrects one day; audited with what it was before. */
  async upsert(
    actor: AuditActor,
    entry: { date: string; kind: 'holiday' | 'workday'; name: string; regionPrefix?: string },
  ): Promise<CalendarEntry> {
    const prefix = entry.regionPrefix ?? '';
    assertPrefixApplies(actor, prefix);
    const result = await this.dataSource.transaction(async (manager: EntityManager) => {
      const [before]: CalendarRow[] = await manager.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, region_prefix, kind, name, updated_by
           FROM working_calendar_day WHERE date = $1 AND region_prefix = $2 FOR UPDATE`,
        [entry.date, prefix],
      );
      await manager.query(
        `INSERT INTO working_calendar_day (date, region_prefix, kind, name, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (date, region_prefix) DO UPDATE
           SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [entry.date, prefix, entry.kind, entry.name, actor.principal.username],
      );
      await this.audit.record(manager, actor, {
        action: before ? 'calendar.day.correct' : 'calendar.day.add',
        targetType: 'calendar-day',
        targetId: `${entry.date}${prefix ? `@${prefix}` : ''}`,
        regionCodes: actor.principal.regions,
        before: before ? { kind: before.kind, name: before.name } : null,
        after: { kind: entry.kind, name: entry.name },
      });
      return {
        date: entry.date,
        kind: entry.kind,
        name: entry.name,
        regionPrefix: prefix,
        updatedBy: actor.principal.username,
      };
    });
    this.cached = undefined;
    return result;
  }

  /** Removes one day (a holiday entered by mistake); audited with what it was. */
  async remove(actor: AuditActor, date: string, regionPrefix = ''): Promise<CalendarEntry> {
    assertPrefixApplies(actor, regionPrefix);
    const result = await this.dataSource.transaction(async (manager: EntityManager) => {
      const [before]: CalendarRow[] = await manager.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, region_prefix, kind, name, updated_by
           FROM working_calendar_day WHERE date = $1 AND region_prefix = $2 FOR UPDATE`,
        [date, regionPrefix],
      );
      if (!before)
        throw new NotFoundException(
          `the calendar has no day ${date} for ${regionPrefix ? `region prefix ${regionPrefix}` : 'the whole country'}`,
        );
      await manager.query(
        `DELETE FROM working_calendar_day WHERE date = $1 AND region_prefix = $2`,
        [date, regionPrefix],
      );
      await this.audit.record(manager, actor, {
        action: 'calendar.day.remove',
        targetType: 'calendar-day',
        targetId: `${date}${regionPrefix ? `@${regionPrefix}` : ''}`,
        regionCodes: actor.principal.regions,
        before: { kind: before.kind, name: before.name },
        after: null,
      });
      return {
        date: before.date,
        kind: before.kind,
        name: before.name,
        regionPrefix: before.region_prefix,
        updatedBy: before.updated_by,
      };
    });
    this.cached = undefined;
    return result;
  }

  /** The Nth working day after `start`, with the calendar days it crossed. */
  async deadline(start: string, workingDays: number, region?: string) {
    const options = await this.options(region);
    const due = addWorkingDays(start, workingDays, options);
    return {
      start,
      workingDays,
      region: region ?? null,
      due,
      crossed: calendarDaysBetween(start, due, options),
    };
  }
}

export { CalendarError };

/**
 * A user changes only days that apply to their own regions: the nation's and their province's
 * (public facts), their own area's and what lies within it; never another area's.
 */
function assertPrefixApplies(actor: AuditActor, prefix: string): void {
  if (!calendarPrefixApplies(prefix, actor.principal.regions))
    throw new ForbiddenException(
      `calendar days for region prefix ${prefix} do not apply to your regions (${actor.principal.regions.join(', ')}): you may change the country's and your province's days and those of your own area`,
    );
}
