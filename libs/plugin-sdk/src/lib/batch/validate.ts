import { BATCH_SCHEMA_VERSION } from '../contract/batch';
import type { NormalisedBatch, Provenance, ValueState, WarningRecord } from '../contract/batch';
import { formatLocation } from '../contract/errors';
import { columnLetter } from '../grid/grid';
import { isPeriod } from '../periods/period';

const STATUSES = new Set(['number', 'not_connected', 'not_applicable', 'missing']);
const UNITS = new Set(['count', 'number', 'percent']);
const COMPARATORS = new Set(['>=', '<=', '=', '>', '<']);
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Finds values JSON cannot carry faithfully (undefined, NaN, Infinity, Dates, class instances). */
function jsonProblems(value: unknown, path: string, out: string[]): void {
  if (out.length >= 50) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${value}, which JSON cannot carry`);
    return;
  }
  if (value === undefined) {
    out.push(`${path} is undefined; omit the key instead`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => jsonProblems(item, `${path}[${i}]`, out));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) jsonProblems(item, `${path}.${key}`, out);
    return;
  }
  out.push(
    `${path} is a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}, not plain JSON`,
  );
}

function checkValue(value: ValueState, path: string, out: string[]): void {
  if (!STATUSES.has(value.status))
    out.push(`${path}.status "${String(value.status)}" is not a value state`);
  if (typeof value.raw !== 'string') out.push(`${path}.raw must be the printed text`);
  if (value.status === 'number') {
    if (!Number.isFinite(value.value)) out.push(`${path}.value is not a finite number`);
    if (!UNITS.has(value.unit)) out.push(`${path}.unit "${String(value.unit)}" is unknown`);
    if (!Number.isInteger(value.decimals) || value.decimals < 0)
      out.push(`${path}.decimals must be a whole number ≥ 0`);
  }
}

function checkProvenance(provenance: Provenance, path: string, out: string[]): void {
  if (!provenance.file) out.push(`${path}.file is empty`);
  if (typeof provenance.sheet !== 'string') out.push(`${path}.sheet is missing`);
  if (!Number.isInteger(provenance.row) || provenance.row < 1) out.push(`${path}.row must be ≥ 1`);
  if (!Number.isInteger(provenance.columnIndex) || provenance.columnIndex < 1) {
    out.push(`${path}.columnIndex must be ≥ 1`);
  } else if (provenance.column !== columnLetter(provenance.columnIndex)) {
    out.push(
      `${path}.column "${provenance.column}" does not match columnIndex ${provenance.columnIndex}`,
    );
  }
}

/**
 * Checks a batch against the contract. Returns human-readable problems (empty = valid).
 * The conformance harness fails on any; the API runs it before a dry run so a buggy adapter
 * cannot write half-formed data.
 */
export function validateBatch(batch: NormalisedBatch): string[] {
  const out: string[] = [];
  jsonProblems(batch, 'batch', out);
  if (batch.schemaVersion !== BATCH_SCHEMA_VERSION)
    out.push(`schemaVersion must be ${BATCH_SCHEMA_VERSION}`);
  if (!batch.adapter?.id || !batch.adapter.version) out.push('adapter id and version are required');
  if (!batch.reportKind) out.push('reportKind is empty');
  if (!/^[0-9a-f]{64}$/.test(batch.source?.sha256 ?? ''))
    out.push('source.sha256 must be 64 hex digits');
  if (!batch.source?.fileName) out.push('source.fileName is empty');
  if (!isPeriod(batch.period)) out.push(`period "${batch.period}" is not period notation`);
  if (!/^\d{6}$/.test(batch.regionCode))
    out.push(`regionCode "${batch.regionCode}" is not a GB/T 2260 code`);
  const records = [
    ...batch.measures.map((r, i) => ({ r, path: `measures[${i}]`, code: r.measure })),
    ...batch.indicators.map((r, i) => ({ r, path: `indicators[${i}]`, code: r.indicator })),
  ];
  for (const { r, path, code } of records) {
    if (!code) out.push(`${path} has no code`);
    if (!r.unitName) out.push(`${path}.unitName is empty`);
    if (r.unitPath[r.unitPath.length - 1] !== r.unitName)
      out.push(`${path}.unitPath must end with unitName`);
    if (r.period !== undefined && !isPeriod(r.period))
      out.push(`${path}.period "${r.period}" is not period notation`);
    checkValue(r.value, `${path}.value`, out);
    checkProvenance(r.provenance, `${path}.provenance`, out);
  }
  batch.totals.forEach((total, i) => {
    const path = `totals[${i}]`;
    if (!['total', 'subtotal', 'benchmark'].includes(total.kind))
      out.push(`${path}.kind "${total.kind}" is unknown`);
    if (!total.covers.every((row) => Number.isInteger(row) && row >= 1))
      out.push(`${path}.covers must list row numbers`);
    total.values.forEach((value, j) => {
      checkValue(value.value, `${path}.values[${j}].value`, out);
      checkProvenance(value.provenance, `${path}.values[${j}].provenance`, out);
    });
  });
  batch.targets.forEach((target, i) => {
    const path = `targets[${i}]`;
    if (!target.indicator) out.push(`${path}.indicator is empty`);
    if (!COMPARATORS.has(target.comparator))
      out.push(`${path}.comparator "${target.comparator}" is unknown`);
    if (!Number.isFinite(target.value)) out.push(`${path}.value is not a finite number`);
    if (target.deadline !== undefined && !ISO_DATE.test(target.deadline))
      out.push(`${path}.deadline must be YYYY-MM-DD`);
    if (target.period !== undefined && !isPeriod(target.period))
      out.push(`${path}.period is not period notation`);
  });
  const planIds = new Set<string>();
  batch.planItems.forEach((item, i) => {
    const path = `planItems[${i}]`;
    if (!item.id) out.push(`${path}.id is empty`);
    if (planIds.has(item.id)) out.push(`${path}.id "${item.id}" is duplicated`);
    planIds.add(item.id);
    if (item.deadline !== undefined && !ISO_DATE.test(item.deadline))
      out.push(`${path}.deadline must be YYYY-MM-DD`);
  });
  batch.warnings.forEach((warning, i) => {
    if (!warning.code || !warning.message) out.push(`warnings[${i}] needs a code and a message`);
  });
  return out.slice(0, 50);
}

/**
 * Checks every 合计 / 小计 row against the data rows it covers, measure by measure, and
 * returns TOTAL_MISMATCH warnings. Only measures are summed: printed rates cannot be added,
 * and comparing them with derived rates is the assessment engine's job.
 */
export function reconcileTotals(batch: NormalisedBatch): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  for (const total of batch.totals) {
    if (total.kind === 'benchmark') continue;
    const covered = new Set(total.covers);
    for (const value of total.values) {
      // Percentages do not add up; only counts and plain numbers are reconciled.
      if (
        value.codeKind !== 'measure' ||
        value.value.status !== 'number' ||
        value.value.unit === 'percent'
      )
        continue;
      let sum = 0;
      let counted = 0;
      let skipped = 0;
      for (const measure of batch.measures) {
        if (
          measure.measure !== value.code ||
          measure.table !== total.table ||
          measure.provenance.sheet !== total.sheet ||
          !covered.has(measure.provenance.row) ||
          (measure.period ?? '') !== (value.period ?? '')
        ) {
          continue;
        }
        if (measure.value.status === 'number') {
          sum += measure.value.value;
          counted++;
        } else {
          skipped++;
        }
      }
      if (counted === 0) continue;
      const printed = value.value.value;
      const tolerance = 10 ** -(value.value.decimals + 6);
      if (Math.abs(Number(sum.toPrecision(15)) - printed) > tolerance) {
        const location = {
          file: value.provenance.file,
          sheet: value.provenance.sheet,
          row: value.provenance.row,
          column: value.provenance.column,
          columnIndex: value.provenance.columnIndex,
        };
        warnings.push({
          code: 'TOTAL_MISMATCH',
          message: `${formatLocation(location)}: ${total.label} of ${value.code} is printed as ${value.value.raw} but the ${counted} rows it covers sum to ${Number(sum.toPrecision(15))}${skipped > 0 ? ` (${skipped} rows without a number left out)` : ''}`,
          provenance: location,
        });
      }
    }
  }
  return warnings;
}
