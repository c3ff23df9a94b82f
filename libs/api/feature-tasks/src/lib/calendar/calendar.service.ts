import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, CLOCK, beijingToday, type AuditActor, type Clock } from '@efficacy/api/core';
import {
  calendarPrefixApplies,
  isIsoDate,
  missingNoticeWarning,
  type CalendarCoverage,
  type CalendarEntry,
  type CalendarNotice,
  type CalendarNoticeDay,
  type CalendarYearStatus,
  type LoadCalendarNoticeRequest,
  type LoadCalendarNoticeResult,
  type RecomputedDeadline,
} from '@efficacy/api-contract';
import {
  CalendarError,
  DEFAULT_CALENDAR,
  addWorkingDays,
  calendarDaysBetween,
  calendarYearsCovered,
  packageNoticeYears,
  workingDeadline,
  type CalendarData,
  type CalendarOptions,
} from '@efficacy/working-calendar';
import { calendarRegion } from '../task-clock';

const CACHE_MS = 60_000;

interface CalendarRow {
  date: string;
  region_prefix: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: string | null;
  notice_id: string | null;
}

interface NoticeRow {
  id: string;
  year: number;
  region_prefix: string;
  title: string;
  document_number: string | null;
  day_count: number;
  loaded_by: string;
  loaded_at: Date;
}

/** What the pure working-day functions need from the database. */
export interface StoredCalendar {
  /** Loaded notices' days and administrators' entries (merged over the package's). */
  readonly data: CalendarData;
  /** Years whose State Council notice was loaded. */
  readonly noticeYears: readonly number[];
}

const DAY_SELECT = `SELECT to_char(date, 'YYYY-MM-DD') AS date, region_prefix, kind, name, updated_by, notice_id
  FROM working_calendar_day`;

const NOTICE_SELECT = `SELECT id, year, region_prefix, title, document_number, day_count, loaded_by, loaded_at
  FROM working_calendar_notice`;

/**
 * The working-day calendar (ADR 0011): national days from the `chinese-days` package, under
 * the notices administrators load (each year's State Council notice, regional notices) and
 * the days they enter, all stored in `working_calendar_day` / `working_calendar_notice`. A year
 * without its national notice is provisional: counted on weekdays, and marked.
 */
@Injectable()
export class CalendarService {
  private cached?: Promise<StoredCalendar>;
  private loadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The stored calendar. Read again after a minute (by the machine's time: a cache, not a
   * business date), so an edit made through another API instance reaches this one.
   */
  stored(): Promise<StoredCalendar> {
    if (Date.now() - this.loadedAt > CACHE_MS) this.cached = undefined;
    if (!this.cached) this.loadedAt = Date.now();
    this.cached ??= readStored(this.dataSource.manager).catch((error) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  /** The stored days, for callers that pass them as `data`. */
  async data(): Promise<CalendarData> {
    return (await this.stored()).data;
  }

  async options(region?: string): Promise<CalendarOptions> {
    const { data, noticeYears } = await this.stored();
    return { data, noticeYears, ...(region ? { region } : {}) };
  }

  /** The package's days and the stored ones (which win for the same date and prefix). */
  async list(year?: number, region?: string): Promise<CalendarEntry[]> {
    const rows: CalendarRow[] = await this.dataSource.query(
      `${DAY_SELECT}
        WHERE ($1::int IS NULL OR extract(year FROM date) = $1)
          AND ($2::text IS NULL OR region_prefix = '' OR starts_with($2, region_prefix))
        ORDER BY date, region_prefix`,
      [year ?? null, region ?? null],
    );
    const out = new Map<string, CalendarEntry>();
    for (const d of DEFAULT_CALENDAR) {
      const prefix = d.regionPrefix ?? '';
      if (year !== undefined && Number(d.date.slice(0, 4)) !== year) continue;
      if (region !== undefined && prefix && !region.startsWith(prefix)) continue;
      out.set(`${d.date}@${prefix}`, {
        date: d.date,
        kind: d.kind,
        name: d.name,
        regionPrefix: prefix,
        updatedBy: null,
        source: 'package',
        noticeId: null,
      });
    }
    for (const r of rows) out.set(`${r.date}@${r.region_prefix}`, entryOf(r));
    return [...out.values()].sort(
      (a, b) => a.date.localeCompare(b.date) || a.regionPrefix.localeCompare(b.regionPrefix),
    );
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
        `${DAY_SELECT} WHERE date = $1 AND region_prefix = $2 FOR UPDATE`,
        [entry.date, prefix],
      );
      await manager.query(
        `INSERT INTO working_calendar_day (date, region_prefix, kind, name, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (date, region_prefix) DO UPDATE
           SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by,
               updated_at = now(), notice_id = NULL`,
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
      return entryOf({
        date: entry.date,
        kind: entry.kind,
        name: entry.name,
        region_prefix: prefix,
        updated_by: actor.principal.username,
        notice_id: null,
      });
    });
    this.cached = undefined;
    return result;
  }

  /** Removes one stored day (a holiday entered by mistake); audited with what it was. */
  async remove(actor: AuditActor, date: string, regionPrefix = ''): Promise<CalendarEntry> {
    assertPrefixApplies(actor, regionPrefix);
    const result = await this.dataSource.transaction(async (manager: EntityManager) => {
      const [before]: CalendarRow[] = await manager.query(
        `${DAY_SELECT} WHERE date = $1 AND region_prefix = $2 FOR UPDATE`,
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
      return entryOf(before);
    });
    this.cached = undefined;
    return result;
  }

  /** The Nth working day after `start`, whether it is provisional, and the days it crossed. */
  async deadline(start: string, workingDays: number, region?: string) {
    const options = await this.options(region);
    const { due, provisional, provisionalYears } = workingDeadline(start, workingDays, options);
    return {
      start,
      workingDays,
      region: region ?? null,
      due,
      provisional,
      provisionalYears,
      crossed: calendarDaysBetween(start, due, options),
    };
  }

  // ---------- notices ----------

  async notices(year?: number): Promise<CalendarNotice[]> {
    const rows: NoticeRow[] = await this.dataSource.query(
      `${NOTICE_SELECT} WHERE ($1::int IS NULL OR year = $1) ORDER BY year, region_prefix`,
      [year ?? null],
    );
    return rows.map(noticeOf);
  }

  /**
   * Loads a year's notice: its days go over the package's (replacing an earlier load of the
   * same year and prefix), and the open tasks whose deadline was counted across that year are
   * counted again with the same number of working days. One transaction, audited.
   */
  async loadNotice(
    actor: AuditActor,
    request: LoadCalendarNoticeRequest,
  ): Promise<LoadCalendarNoticeResult> {
    const prefix = request.regionPrefix ?? '';
    assertPrefixApplies(actor, prefix);
    const days = checkNoticeDays(request.year, prefix, request.days);
    const title = request.title.trim();
    if (!title)
      throw new BadRequestException(
        'title must name the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知',
      );
    const documentNumber = request.documentNumber?.trim() || null;
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager) => {
      // One load per year and prefix at a time: the second waits and then replaces.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `calendar.notice:${request.year}:${prefix}`,
      ]);
      const [previous]: NoticeRow[] = await manager.query(
        `${NOTICE_SELECT} WHERE year = $1 AND region_prefix = $2 FOR UPDATE`,
        [request.year, prefix],
      );
      let id: string;
      if (previous) {
        await manager.query(`DELETE FROM working_calendar_day WHERE notice_id = $1`, [previous.id]);
        await manager.query(
          `UPDATE working_calendar_notice
              SET title = $2, document_number = $3, day_count = $4, loaded_by = $5, loaded_at = $6
            WHERE id = $1`,
          [previous.id, title, documentNumber, days.length, actor.principal.username, now],
        );
        id = previous.id;
      } else {
        const [row] = await manager.query(
          `INSERT INTO working_calendar_notice
             (year, region_prefix, title, document_number, day_count, loaded_by, loaded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [request.year, prefix, title, documentNumber, days.length, actor.principal.username, now],
        );
        id = row.id;
      }
      await manager.query(
        `INSERT INTO working_calendar_day (date, region_prefix, kind, name, updated_by, updated_at, notice_id)
         SELECT d::date, $2, k, n, $3, $4, $1
           FROM unnest($5::text[], $6::text[], $7::text[]) AS x(d, k, n)
         ON CONFLICT (date, region_prefix) DO UPDATE
           SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by,
               updated_at = EXCLUDED.updated_at, notice_id = EXCLUDED.notice_id`,
        [
          id,
          prefix,
          actor.principal.username,
          now,
          days.map((d) => d.date),
          days.map((d) => d.kind),
          days.map((d) => d.name),
        ],
      );
      const [stored]: NoticeRow[] = await manager.query(`${NOTICE_SELECT} WHERE id = $1`, [id]);
      const notice = noticeOf(stored);
      await this.audit.record(manager, actor, {
        action: previous ? 'calendar.notice.replace' : 'calendar.notice.load',
        targetType: 'calendar-notice',
        targetId: `${request.year}${prefix ? `@${prefix}` : ''}`,
        regionCodes: actor.principal.regions,
        before: previous
          ? {
              title: previous.title,
              documentNumber: previous.document_number,
              dayCount: previous.day_count,
            }
          : null,
        after: { title, documentNumber, days },
      });
      const recomputed = await this.recountDeadlines(manager, actor, notice, now);
      return { notice, replaced: previous ? noticeOf(previous) : null, recomputed };
    });
    this.cached = undefined;
    return result;
  }

  /**
   * Counts again, on the calendar as it now stands, the deadline of every open task counted
   * in working days across the notice's year in its region (provisional ones in particular),
   * keeping its number of working days; each change is a timeline event and an audit entry.
   */
  private async recountDeadlines(
    manager: EntityManager,
    actor: AuditActor,
    notice: CalendarNotice,
    now: Date,
  ): Promise<RecomputedDeadline[]> {
    const calendar = await readStored(manager);
    const tasks: Array<{
      id: string;
      number: string;
      region_code: string;
      deadline: string;
      deadline_from: string;
      deadline_working_days: number;
      deadline_provisional_years: number[];
    }> = await manager.query(
      `SELECT id, number::text AS number, region_code, to_char(deadline, 'YYYY-MM-DD') AS deadline,
              to_char(deadline_from, 'YYYY-MM-DD') AS deadline_from, deadline_working_days,
              deadline_provisional_years
         FROM task
        WHERE state NOT IN ('closed', 'cancelled')
          AND deadline_working_days IS NOT NULL AND deadline_from IS NOT NULL
          AND starts_with(region_code, $2)
          AND ($1 = ANY(deadline_provisional_years)
               OR $1 BETWEEN extract(year FROM deadline_from + 1) AND extract(year FROM deadline))
        ORDER BY number
        FOR UPDATE`,
      [notice.year, notice.regionPrefix],
    );
    const out: RecomputedDeadline[] = [];
    for (const t of tasks) {
      const counted = workingDeadline(t.deadline_from, t.deadline_working_days, {
        ...calendar,
        region: calendarRegion(t.region_code),
      });
      const years = [...counted.provisionalYears];
      const sameYears =
        years.length === t.deadline_provisional_years.length &&
        years.every((y, i) => y === t.deadline_provisional_years[i]);
      if (counted.due === t.deadline && sameYears) continue;
      await manager.query(
        `UPDATE task SET deadline = $2, original_deadline = $2, deadline_provisional_years = $3,
                updated_at = $4
          WHERE id = $1`,
        [t.id, counted.due, years, now],
      );
      const data = {
        from: t.deadline,
        to: counted.due,
        workingDays: t.deadline_working_days,
        counted: t.deadline_from,
        notice: notice.title,
        noticeYear: notice.year,
        provisionalYears: years,
      };
      await manager.query(
        `INSERT INTO task_event (task_id, at, actor, action, data) VALUES ($1, $2, $3, 'recount_deadline', $4)`,
        [t.id, now, actor.principal.username, JSON.stringify(data)],
      );
      await this.audit.record(manager, actor, {
        action: 'task.deadline.recount',
        targetType: 'task',
        targetId: t.id,
        regionCodes: [t.region_code],
        before: { deadline: t.deadline, provisionalYears: t.deadline_provisional_years },
        after: data,
      });
      out.push({
        taskId: t.id,
        number: Number(t.number),
        from: t.deadline,
        to: counted.due,
        workingDays: t.deadline_working_days,
        provisionalYears: years,
      });
    }
    return out;
  }

  /**
   * Which years are known how: the package's, the loaded notices', and the provisional ones
   * from the package's last year up to next year (on the business clock) and any later notice.
   */
  async coverage(): Promise<CalendarCoverage> {
    const today = beijingToday(this.clock);
    const notices = await this.notices();
    const national = new Map(notices.filter((n) => !n.regionPrefix).map((n) => [n.year, n]));
    const noticeYears = [...national.keys()];
    const covered = calendarYearsCovered({ noticeYears });
    const packaged = packageNoticeYears();
    const first = packaged[0];
    const last = packaged[packaged.length - 1];
    const thisYear = Number(today.slice(0, 4));
    const upTo = Math.max(thisYear + 1, ...notices.map((n) => n.year));
    const years: CalendarYearStatus[] = [];
    for (let year = Math.min(last, thisYear); year <= upTo; year += 1) {
      const notice = national.get(year) ?? null;
      years.push({
        year,
        national: notice ? 'notice' : packaged.includes(year) ? 'package' : 'provisional',
        notice,
        regionalNotices: notices.filter((n) => n.year === year && n.regionPrefix),
      });
    }
    return {
      today,
      coveredYears: covered,
      packageYears: [first, last],
      years,
      warning: missingNoticeWarning(today, covered),
    };
  }

  /** The due date `n` working days after `start`, for callers that only need the date. */
  async addWorkingDays(start: string, n: number, region?: string): Promise<string> {
    return addWorkingDays(start, n, await this.options(region));
  }
}

export { CalendarError };

async function readStored(manager: EntityManager): Promise<StoredCalendar> {
  const [rows, years]: [CalendarRow[], Array<{ year: number }>] = await Promise.all([
    manager.query(`${DAY_SELECT} ORDER BY date, region_prefix`),
    manager.query(
      `SELECT year FROM working_calendar_notice WHERE region_prefix = '' ORDER BY year`,
    ),
  ]);
  return {
    data: rows.map((r) =>
      r.region_prefix
        ? { date: r.date, kind: r.kind, name: r.name, regionPrefix: r.region_prefix }
        : { date: r.date, kind: r.kind, name: r.name },
    ),
    noticeYears: years.map((y) => y.year),
  };
}

function entryOf(r: CalendarRow): CalendarEntry {
  return {
    date: r.date,
    kind: r.kind,
    name: r.name,
    regionPrefix: r.region_prefix,
    updatedBy: r.updated_by,
    // Rows seeded from the shipped data before ADR 0011 are the package's days.
    source: r.notice_id ? 'notice' : r.updated_by === 'shipped' ? 'package' : 'entered',
    noticeId: r.notice_id,
  };
}

function noticeOf(r: NoticeRow): CalendarNotice {
  return {
    id: r.id,
    year: r.year,
    regionPrefix: r.region_prefix,
    title: r.title,
    documentNumber: r.document_number,
    dayCount: r.day_count,
    loadedBy: r.loaded_by,
    loadedAt: r.loaded_at.toISOString(),
  };
}

/**
 * A notice's days, checked the way the notices are written: real dates in its year (a 元旦
 * break may start in the December before), each date once, and 调休 working days on a weekend.
 */
function checkNoticeDays(
  year: number,
  prefix: string,
  days: readonly CalendarNoticeDay[],
): CalendarNoticeDay[] {
  const where = `the ${year} notice${prefix ? ` for region prefix ${prefix}` : ''}`;
  if (!days.length) throw new BadRequestException(`${where} lists no day`);
  const seen = new Set<string>();
  return days.map((d, i) => {
    const at = `${where}, day ${i + 1}`;
    if (!isIsoDate(d.date)) throw new BadRequestException(`${at}: ${d.date} is not a date`);
    const y = Number(d.date.slice(0, 4));
    if (y !== year && !(y === year - 1 && d.date.slice(5, 7) === '12'))
      throw new BadRequestException(
        `${at}: ${d.date} is not in ${year} (only a break that starts in December ${year - 1} may reach back)`,
      );
    if (seen.has(d.date)) throw new BadRequestException(`${at}: ${d.date} is listed twice`);
    seen.add(d.date);
    if (d.kind !== 'holiday' && d.kind !== 'workday')
      throw new BadRequestException(`${at}: kind must be 'holiday' or 'workday'`);
    const name = d.name?.trim();
    if (!name || name.length > 60)
      throw new BadRequestException(`${at}: name must be 1 to 60 characters`);
    const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    if (d.kind === 'workday' && weekday !== 0 && weekday !== 6)
      throw new BadRequestException(
        `${at}: ${d.date} is a weekday, so it cannot be a 调休 working day (those fall on a Saturday or Sunday)`,
      );
    return { date: d.date, kind: d.kind, name };
  });
}

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
