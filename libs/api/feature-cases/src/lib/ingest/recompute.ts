import { createHash, randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { CASE_MEASURES, emptyCounts, type CaseCounts } from '@efficacy/case-metrics';

export interface Slot {
  regionCode: string;
  /** YYYY-MM */
  month: string;
}

export const CASES_ADAPTER_ID = 'cases';
export const MONTH_REPORT = 'case-records';
export const YEAR_TO_DATE_REPORT = 'case-records-ytd';

const ONLINE = `('online_platform','fully_online','mobile')`;
const OFFLINE = `('window','township')`;

/** SQL for each count, in CASE_MEASURES order; `c` is case_record, `s` its slot. */
const COUNT_SQL: Record<keyof CaseCounts, string> = {
  cases: 'count(*)',
  online: `count(*) FILTER (WHERE c.channel IN ${ONLINE})`,
  offline: `count(*) FILTER (WHERE c.channel IN ${OFFLINE})`,
  approval: `count(*) FILTER (WHERE c.item_type = 'approval')`,
  convenience: `count(*) FILTER (WHERE c.item_type = 'convenience')`,
  offlineEvaluated: `count(c.evaluation) FILTER (WHERE c.channel IN ${OFFLINE})`,
  evaluations: 'count(c.evaluation)',
  evaluationsOnline: `count(c.evaluation) FILTER (WHERE c.channel IN ${ONLINE})`,
  evaluationsOffline: `count(c.evaluation) FILTER (WHERE c.channel IN ${OFFLINE})`,
  good: 'count(*) FILTER (WHERE c.evaluation >= 3)',
  bad: 'count(*) FILTER (WHERE c.evaluation < 3)',
  finishedLate: 'count(*) FILTER (WHERE c.finished > c.due)',
  unfinishedLate: 'count(*) FILTER (WHERE c.finished IS NULL AND c.due < s.as_of)',
  test: 'count(*) FILTER (WHERE c.is_test)',
  preReviewRejected: `count(*) FILTER (WHERE c.pre_review = 'rejected')`,
  window: `count(*) FILTER (WHERE c.channel = 'window')`,
  township: `count(*) FILTER (WHERE c.channel = 'township')`,
  onlinePlatform: `count(*) FILTER (WHERE c.channel = 'online_platform')`,
  fullyOnline: `count(*) FILTER (WHERE c.channel = 'fully_online')`,
  mobile: `count(*) FILTER (WHERE c.channel = 'mobile')`,
};

const COUNTS_SELECT = CASE_MEASURES.map(([field]) => `${COUNT_SQL[field]} AS "${field}"`).join(
  ',\n  ',
);

interface UnitRef {
  id: string;
  regionCode: string;
}

interface ObservationRows {
  importIds: string[];
  regions: string[];
  kinds: string[];
  subjects: string[];
  measures: string[];
  values: number[];
  roles: string[];
  locators: string[];
}

function emptyRows(): ObservationRows {
  return {
    importIds: [],
    regions: [],
    kinds: [],
    subjects: [],
    measures: [],
    values: [],
    roles: [],
    locators: [],
  };
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Registry units by printed name (name or alias) within each county, for unit subjects. */
async function unitsByName(client: ClientBase, counties: string[]): Promise<Map<string, UnitRef>> {
  const rows = await client.query<{
    id: string;
    region_code: string;
    name: string;
    county: string;
  }>(
    `SELECT u.id, u.region_code, u.name_zh AS name, split_part(u.region_code, '-', 1) AS county
       FROM unit u WHERE split_part(u.region_code, '-', 1) = ANY($1::text[])
     UNION
     SELECT u.id, u.region_code, a.alias AS name, split_part(u.region_code, '-', 1) AS county
       FROM unit_alias a JOIN unit u ON u.id = a.unit_id
      WHERE split_part(u.region_code, '-', 1) = ANY($1::text[])`,
    [counties],
  );
  const out = new Map<string, UnitRef>();
  for (const r of rows.rows)
    out.set(`${r.county}|${r.name}`, { id: r.id, regionCode: r.region_code });
  return out;
}

/** The live derived import of a (region, report, period), created on first use. */
async function derivedImport(
  client: ClientBase,
  regionCode: string,
  reportKind: string,
  period: string,
): Promise<string> {
  const found = await client.query<{ id: string }>(
    `SELECT id FROM import WHERE adapter_id = $1 AND report_kind = $2 AND region_code = $3
        AND period = $4 AND status = 'committed'`,
    [CASES_ADAPTER_ID, reportKind, regionCode, period],
  );
  if (found.rows[0]) return found.rows[0].id;
  const id = randomUUID();
  const key = `${CASES_ADAPTER_ID}|${reportKind}|${regionCode}|${period}`;
  await client.query(
    `INSERT INTO import (id, file_name, file_sha256, file_size, adapter_id, adapter_version,
        report_kind, period, region_code, status, counts, warnings, created_by, created_at)
     VALUES ($1, $2, $3, 0, $4, '1', $5, $6, $7, 'committed', '{}', '[]', 'cases', now())`,
    [
      id,
      `办件 ${regionCode} ${period}`,
      createHash('sha256').update(key).digest('hex'),
      CASES_ADAPTER_ID,
      reportKind,
      period,
      regionCode,
    ],
  );
  return id;
}

async function writeObservations(client: ClientBase, rows: ObservationRows): Promise<void> {
  if (rows.importIds.length === 0) return;
  await client.query(
    `INSERT INTO observation (import_id, region_code, subject_kind, subject_id, period, measure,
        status, value, role, provenance)
     SELECT t.import_id, t.region_code, t.kind, t.subject, i.period, t.measure, 'number', t.value,
            t.role, jsonb_build_object('importId', t.import_id::text, 'adapterId', 'cases',
              'adapterVersion', '1', 'file', 'case_record', 'locator', t.locator)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[],
                   $7::text[], $8::text[])
            AS t(import_id, region_code, kind, subject, measure, value, role, locator)
       JOIN import i ON i.id = t.import_id`,
    [
      rows.importIds,
      rows.regions,
      rows.kinds,
      rows.subjects,
      rows.measures,
      rows.values,
      rows.roles,
      rows.locators,
    ],
  );
}

function push(
  rows: ObservationRows,
  importId: string,
  county: string,
  unit: UnitRef | null,
  measure: string,
  value: number,
  locator: string,
): void {
  rows.importIds.push(importId);
  rows.regions.push(unit ? unit.regionCode : county);
  rows.kinds.push(unit ? 'unit' : 'region');
  rows.subjects.push(unit ? unit.id : county);
  rows.measures.push(measure);
  rows.values.push(value);
  rows.roles.push(unit ? 'row' : 'total');
  rows.locators.push(locator);
}

/** Distinct items with cases (and with only test cases) per unit and per county over months. */
async function itemsOver(
  client: ClientBase,
  counties: string[],
  from: string,
  to: string,
): Promise<Map<string, { withCases: number; testOnly: number }>> {
  const result = await client.query<{
    region_code: string;
    unit_name: string | null;
    with_cases: string;
    test_only: string;
  }>(
    `SELECT region_code, unit_name, count(*) AS with_cases,
            count(*) FILTER (WHERE cases = test_cases) AS test_only
       FROM (SELECT region_code, unit_name, item_code, sum(cases) AS cases,
                    sum(test_cases) AS test_cases
               FROM case_item_month
              WHERE month BETWEEN $2::date AND $3::date AND region_code = ANY($1::text[])
              GROUP BY GROUPING SETS ((region_code, unit_name, item_code), (region_code, item_code))) x
      GROUP BY region_code, unit_name`,
    [counties, `${from}-01`, `${to}-01`],
  );
  const out = new Map<string, { withCases: number; testOnly: number }>();
  for (const r of result.rows)
    out.set(`${r.region_code}|${r.unit_name ?? ''}`, {
      withCases: Number(r.with_cases),
      testOnly: Number(r.test_only),
    });
  return out;
}

export interface RecomputeResult {
  slots: number;
  observations: number;
  elapsedMs: number;
  /** Printed department names with no registry unit in their county, with their cases. */
  unmatchedUnits: Array<{ regionCode: string; name: string; cases: number }>;
}

/**
 * Recomputes the case-derived figures of the given (region, month) slots and nothing else:
 * their monthly counts per unit and county, their items, and the year-to-date item counts of
 * the months at or after them in the same year. Runs in the caller's transaction; the figures
 * land as observations of derived imports (adapter `cases`) that the assessment reads.
 */
export async function recomputeSlots(client: ClientBase, slots: Slot[]): Promise<RecomputeResult> {
  const started = Date.now();
  const byMonth = new Map<string, Set<string>>();
  for (const s of slots) {
    if (!byMonth.has(s.month)) byMonth.set(s.month, new Set());
    byMonth.get(s.month)?.add(s.regionCode);
  }
  const counties = [...new Set(slots.map((s) => s.regionCode))];
  // Grouping a month partition (hundreds of thousands of cases) in memory, not on disk.
  await client.query(`SET LOCAL work_mem = '128MB'`);
  const units = await unitsByName(client, counties);
  let observations = 0;
  const unmatched = new Map<string, { regionCode: string; name: string; cases: number }>();

  for (const [month, regionSet] of [...byMonth].sort()) {
    const regions = [...regionSet].sort();
    const monthDate = `${month}-01`;
    await client.query(
      `DELETE FROM case_item_month WHERE month = $1::date AND region_code = ANY($2::text[])`,
      [monthDate, regions],
    );
    await client.query(
      `INSERT INTO case_item_month (region_code, month, unit_name, item_code, cases, test_cases)
       SELECT region_code, month, unit_name, item_code, count(*), count(*) FILTER (WHERE is_test)
         FROM case_record WHERE month = $1::date AND region_code = ANY($2::text[])
        GROUP BY region_code, month, unit_name, item_code`,
      [monthDate, regions],
    );
    const counts = await client.query<
      Record<string, string> & { region_code: string; unit_name: string | null }
    >(
      // Per unit only: counts add up, so the county totals are summed here rather than by a
      // second grouping of the partition.
      `SELECT c.region_code, c.unit_name,
  ${COUNTS_SELECT}
         FROM case_record c
         JOIN case_slot s ON s.region_code = c.region_code AND s.month = c.month
        WHERE c.month = $1::date AND c.region_code = ANY($2::text[])
        GROUP BY c.region_code, c.unit_name`,
      [monthDate, regions],
    );
    const items = await itemsOver(client, regions, month, month);
    const importIds = new Map<string, string>();
    for (const region of regions)
      importIds.set(region, await derivedImport(client, region, MONTH_REPORT, month));
    await client.query(`DELETE FROM observation WHERE import_id = ANY($1::uuid[])`, [
      [...importIds.values()],
    ]);
    const rows = emptyRows();
    // Several printed names may be one registry unit (a name and its alias): add them up.
    const merged = new Map<
      string,
      {
        county: string;
        unit: UnitRef | null;
        counts: CaseCounts;
        items: { withCases: number; testOnly: number } | undefined;
      }
    >();
    const totals = new Map<string, CaseCounts>();
    for (const r of counts.rows) {
      let total = totals.get(r.region_code);
      if (!total) totals.set(r.region_code, (total = emptyCounts()));
      for (const [field] of CASE_MEASURES) total[field] += Number(r[field]);
    }
    const unitRows: Array<
      Record<string, string | null> & { region_code: string; unit_name: string | null }
    > = [
      ...counts.rows,
      ...[...totals].map(([region, total]) => ({
        region_code: region,
        unit_name: null,
        ...Object.fromEntries(CASE_MEASURES.map(([field]) => [field, String(total[field])])),
      })),
    ];
    for (const r of unitRows) {
      const unit =
        r.unit_name === null ? null : (units.get(`${r.region_code}|${r.unit_name}`) ?? undefined);
      if (unit === undefined) {
        // An unmatched name counts in the county total only; the import lists it.
        const key = `${r.region_code}|${r.unit_name}`;
        const seen = unmatched.get(key);
        if (seen) seen.cases += Number(r['cases']);
        else
          unmatched.set(key, {
            regionCode: r.region_code,
            name: r.unit_name as string,
            cases: Number(r['cases']),
          });
        continue;
      }
      const key = `${r.region_code}|${unit?.id ?? ''}`;
      let entry = merged.get(key);
      if (!entry) {
        entry = { county: r.region_code, unit, counts: emptyCounts(), items: undefined };
        merged.set(key, entry);
      }
      for (const [field] of CASE_MEASURES) entry.counts[field] += Number(r[field]);
      const it = items.get(`${r.region_code}|${r.unit_name ?? ''}`);
      if (it && !entry.items) entry.items = { ...it };
      else if (it && entry.items && unit) {
        // alias rows of one unit: items may overlap, so this is an upper bound; rare in exports
        entry.items.withCases += it.withCases;
        entry.items.testOnly += it.testOnly;
      }
    }
    for (const entry of merged.values()) {
      const importId = importIds.get(entry.county) as string;
      const locator = `case_record ${entry.county} ${month}`;
      for (const [field, measure] of CASE_MEASURES)
        push(rows, importId, entry.county, entry.unit, measure, entry.counts[field], locator);
      push(
        rows,
        importId,
        entry.county,
        entry.unit,
        'cases.overdue',
        entry.counts.finishedLate + entry.counts.unfinishedLate,
        locator,
      );
      push(
        rows,
        importId,
        entry.county,
        entry.unit,
        'items.with_cases',
        entry.items?.withCases ?? 0,
        locator,
      );
      push(
        rows,
        importId,
        entry.county,
        entry.unit,
        'items.covered_by_test_only',
        entry.items?.testOnly ?? 0,
        locator,
      );
    }
    await writeObservations(client, rows);
    observations += rows.importIds.length;
  }

  observations += await recomputeYearToDate(client, slots, units);
  return {
    slots: slots.length,
    observations,
    elapsedMs: Date.now() - started,
    unmatchedUnits: [...unmatched.values()].sort(
      (a, b) => a.regionCode.localeCompare(b.regionCode) || b.cases - a.cases,
    ),
  };
}

/** Year-to-date item counts (Y-01..Y-MM) for every live month at or after an affected one. */
async function recomputeYearToDate(
  client: ClientBase,
  slots: Slot[],
  units: Map<string, UnitRef>,
): Promise<number> {
  const earliest = new Map<string, string>();
  for (const s of slots) {
    const key = `${s.regionCode}|${s.month.slice(0, 4)}`;
    const current = earliest.get(key);
    if (!current || s.month < current) earliest.set(key, s.month);
  }
  let observations = 0;
  for (const [key, from] of earliest) {
    const [region, year] = key.split('|');
    const live = await client.query<{ month: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month FROM case_slot
        WHERE region_code = $1 AND month >= $2::date AND month <= $3::date ORDER BY month`,
      [region, `${from}-01`, `${year}-12-01`],
    );
    const rows = emptyRows();
    const importIds: string[] = [];
    for (const { month } of live.rows) {
      if (month.endsWith('-01')) continue; // January's year-to-date is the month itself
      const period = `${year}-01..${month}`;
      const importId = await derivedImport(client, region, YEAR_TO_DATE_REPORT, period);
      importIds.push(importId);
      const items = await itemsOver(client, [region], `${year}-01`, month);
      const perUnit = new Map<
        string,
        { unit: UnitRef | null; withCases: number; testOnly: number }
      >();
      for (const [k, v] of items) {
        const name = k.slice(k.indexOf('|') + 1);
        const unit = name === '' ? null : (units.get(`${region}|${name}`) ?? undefined);
        if (unit === undefined) continue;
        const id = unit?.id ?? '';
        const entry = perUnit.get(id) ?? { unit, withCases: 0, testOnly: 0 };
        entry.withCases += v.withCases;
        entry.testOnly += v.testOnly;
        perUnit.set(id, entry);
      }
      for (const e of perUnit.values()) {
        push(
          rows,
          importId,
          region,
          e.unit,
          'items.with_cases',
          e.withCases,
          `case_item_month ${region} ${period}`,
        );
        push(
          rows,
          importId,
          region,
          e.unit,
          'items.covered_by_test_only',
          e.testOnly,
          `case_item_month ${region} ${period}`,
        );
      }
    }
    if (importIds.length > 0)
      await client.query(`DELETE FROM observation WHERE import_id = ANY($1::uuid[])`, [importIds]);
    await writeObservations(client, rows);
    observations += rows.importIds.length;
  }
  return observations;
}

export { monthsBetween };
