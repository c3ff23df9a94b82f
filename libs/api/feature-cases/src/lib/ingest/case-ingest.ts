import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dueDate } from '@efficacy/case-metrics';
import { CaseRecordError, type CaseRecord } from '@efficacy/indicator-model';
import { CASE_RECORD_COLUMNS, CaseCopyEncoder } from './copy-binary';

export interface IngestProgress {
  rows: number;
  bytes: number;
  elapsedMs: number;
}

export interface IngestOptions {
  importId: string;
  /** Records in batches, as the adapter's readCases gives them. */
  records: AsyncIterable<readonly CaseRecord[]>;
  /** Bytes read so far from the source, for a progress bar over a file of known size. */
  bytesRead(): number;
  /** Regions the uploader may write: the upload's region and everything below it. */
  allowedRegions: ReadonlySet<string>;
  onProgress?(progress: IngestProgress): void | Promise<void>;
  /** Milliseconds between progress reports. */
  progressEveryMs?: number;
}

export interface SlotCount {
  regionCode: string;
  /** YYYY-MM */
  month: string;
  rows: number;
}

export interface IngestResult {
  rows: number;
  slots: SlotCount[];
  /** The newest date in the file: unfinished cases are judged late as of this day. */
  asOf: string;
  elapsedMs: number;
}

const FLUSH_BYTES = 256 * 1024;
/**
 * Bytes the COPY stream may hold before it asks us to wait. With the default (16 kB) every
 * write waits for PostgreSQL to drain it, and the parser and the server take turns instead of
 * working at once; a few megabytes keep both busy and still bound memory.
 */
const COPY_BUFFER_BYTES = 8 * 1024 * 1024;
const COPY_SQL = `COPY case_record (${CASE_RECORD_COLUMNS.join(', ')}) FROM STDIN (FORMAT binary)`;

/** The partition of a month (itself partitioned by county). */
export function partitionName(month: string): string {
  return `case_record_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/** The partition of one county's month: what a county-month import replaces and recomputes. */
export function countyPartitionName(month: string, regionCode: string): string {
  return `${partitionName(month)}_r${regionCode}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Creates the month's partition and the county's partition inside it if they are missing.
 * Table names and bounds cannot be query parameters: both are built from a checked YYYY-MM
 * and a checked six-digit GB/T 2260 code.
 */
export async function ensurePartition(
  client: ClientBase,
  month: string,
  regionCode: string,
): Promise<void> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`bad month ${month}`);
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`bad region code ${regionCode}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF case_record
       FOR VALUES FROM ('${month}-01') TO ('${nextMonth(month)}-01') PARTITION BY LIST (region_code)`,
  );
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${countyPartitionName(month, regionCode)}
       PARTITION OF ${partitionName(month)} FOR VALUES IN ('${regionCode}')`,
  );
}

/** Names of every partition below case_record (months and their counties). */
export async function existingPartitions(client: ClientBase): Promise<Set<string>> {
  const rows = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_partition_tree('case_record') t
       JOIN pg_class c ON c.oid = t.relid WHERE t.level > 0`,
  );
  return new Set(rows.rows.map((r) => r.name));
}

/**
 * Streams case records into `case_record` through COPY, inside the caller's transaction.
 * Memory holds one output buffer and a counter per (region, month), whatever the file size;
 * backpressure from the COPY stream pauses the parser. The first row of each county-month ends
 * the running COPY, gives the county-month a fresh partition in the same transaction (dropping
 * the one an earlier import filled) and starts a new COPY.
 */
export async function copyCases(client: ClientBase, options: IngestOptions): Promise<IngestResult> {
  const started = Date.now();
  const partitions = await existingPartitions(client);
  const slots = new Map<string, SlotCount>();
  let last: SlotCount | undefined;
  let asOf = '';
  let rows = 0;
  const encoder = new CaseCopyEncoder(options.importId);
  encoder.begin();
  let lastReport = started;
  const every = options.progressEveryMs ?? 500;

  let copy = client.query(copyFrom(COPY_SQL, { highWaterMark: COPY_BUFFER_BYTES }));
  let copyFailed: Error | undefined;
  const onError = (e: Error) => (copyFailed = e);
  copy.on('error', onError);

  const write = async (bytes: Buffer) => {
    if (copyFailed) throw copyFailed;
    if (!copy.write(bytes)) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          copy.off('error', fail);
          resolve();
        };
        const fail = (e: Error) => {
          copy.off('drain', done);
          reject(e);
        };
        copy.once('drain', done);
        copy.once('error', fail);
      });
    }
  };
  const finish = () =>
    new Promise<void>((resolve, reject) => {
      if (copyFailed) return reject(copyFailed);
      copy.once('finish', resolve);
      copy.once('error', reject);
      copy.end();
    });

  try {
    for await (const batch of options.records)
      for (const record of batch) {
        if (!options.allowedRegions.has(record.regionCode)) {
          throw new CaseRecordError(
            `case ${record.caseId} (row ${rows + 2}) is in region ${record.regionCode}, outside the region of this import`,
          );
        }
        const month = record.received.slice(0, 7);
        // Exports come grouped by county and month: the previous row's slot is nearly always it.
        let slot =
          last && last.month === month && last.regionCode === record.regionCode
            ? last
            : slots.get(`${record.regionCode}|${month}`);
        if (!slot) {
          // A county-month of the file replaces that county-month: its partition, if an earlier
          // import filled it, is dropped and made anew (in this transaction, so a failure puts
          // it back). Cheaper than deleting its rows, and it leaves no dead rows to scan.
          const partition = countyPartitionName(month, record.regionCode);
          encoder.end();
          await write(encoder.take());
          await finish();
          if (partitions.has(partition)) await client.query(`DROP TABLE ${partition}`);
          await ensurePartition(client, month, record.regionCode);
          partitions.add(partition);
          copy = client.query(copyFrom(COPY_SQL, { highWaterMark: COPY_BUFFER_BYTES }));
          copy.on('error', onError);
          encoder.begin();
          slot = { regionCode: record.regionCode, month, rows: 0 };
          slots.set(`${record.regionCode}|${month}`, slot);
        }
        last = slot;
        slot.rows += 1;
        if (record.received > asOf) asOf = record.received;
        if (record.finished !== null && record.finished > asOf) asOf = record.finished;
        encoder.add(record, dueDate(record.received, record.promisedDays, record.regionCode));
        rows += 1;
        if (encoder.length >= FLUSH_BYTES) {
          await write(encoder.take());
          const now = Date.now();
          if (options.onProgress && now - lastReport >= every) {
            lastReport = now;
            await options.onProgress({
              rows,
              bytes: options.bytesRead(),
              elapsedMs: now - started,
            });
          }
        }
      }
    encoder.end();
    await write(encoder.take());
    await finish();
  } catch (error) {
    // A COPY in progress holds the connection: abort it (CopyFail) so the caller can roll back.
    if (!copy.destroyed) {
      await new Promise<void>((resolve) => {
        copy.once('close', () => resolve());
        copy.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    }
    throw error;
  }
  if (rows === 0) throw new CaseRecordError('the file has no case records');
  const elapsedMs = Date.now() - started;
  await options.onProgress?.({ rows, bytes: options.bytesRead(), elapsedMs });
  return {
    rows,
    slots: [...slots.values()].sort((a, b) =>
      `${a.regionCode}${a.month}`.localeCompare(`${b.regionCode}${b.month}`),
    ),
    asOf,
    elapsedMs,
  };
}

/**
 * Makes this import the owner of its (region, month) slots in the slot table. The rows of
 * earlier imports are gone already: `copyCases` gave each county-month of the file a fresh
 * partition.
 */
export async function claimSlots(
  client: ClientBase,
  importId: string,
  result: IngestResult,
): Promise<void> {
  for (const slot of result.slots) {
    await client.query(
      `INSERT INTO case_slot (region_code, month, import_id, rows, as_of, computed_at)
       VALUES ($1, $2::date, $3, $4, $5::date, now())
       ON CONFLICT (region_code, month) DO UPDATE
         SET import_id = EXCLUDED.import_id, rows = EXCLUDED.rows, as_of = EXCLUDED.as_of,
             computed_at = EXCLUDED.computed_at`,
      [slot.regionCode, `${slot.month}-01`, importId, slot.rows, result.asOf],
    );
  }
}
