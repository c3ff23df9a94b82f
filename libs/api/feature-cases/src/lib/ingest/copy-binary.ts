import type { CaseRecord } from '@efficacy/indicator-model';

/** Columns of `case_record` in the order COPY receives them. */
export const CASE_RECORD_COLUMNS = [
  'month',
  'region_code',
  'import_id',
  'case_id',
  'item_code',
  'item_type',
  'unit_name',
  'channel',
  'received',
  'promised_days',
  'due',
  'finished',
  'status',
  'evaluation',
  'pre_review',
  'is_test',
] as const;

/** `COPY … FROM STDIN (FORMAT binary)`: signature, flags (no OIDs), no header extension. */
const SIGNATURE = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
const TRAILER = Buffer.from([0xff, 0xff]);
/** PostgreSQL dates count days from 2000-01-01. */
const PG_EPOCH_DAYS = Date.UTC(2000, 0, 1) / 86_400_000;
const CACHE_LIMIT = 50_000;

/** A date of YYYY-MM-DD as PostgreSQL's day number; `month` gives the first of its month. */
function dayNumber(date: string, month: boolean): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = month ? 1 : Number(date.slice(8, 10));
  const days = Date.UTC(y, m - 1, d) / 86_400_000 - PG_EPOCH_DAYS;
  if (!Number.isInteger(days)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return days;
}

/**
 * Case records as COPY's binary format, written straight into buffers: no text line per case,
 * no escaping, and nothing for PostgreSQL to parse (dates go as day numbers, flags as bytes),
 * which leaves the server less to do per row than a COPY of the export's own CSV. Strings and
 * dates that repeat (departments, statuses, codes, days) are encoded once and copied.
 */
export class CaseCopyEncoder {
  private buffer: Buffer;
  private pos = 0;
  private readonly importId: Buffer;
  private readonly texts = new Map<string, Buffer>();
  private readonly days = new Map<string, number>();
  private readonly months = new Map<string, number>();

  constructor(
    importId: string,
    private readonly size = 1024 * 1024,
  ) {
    const hex = importId.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`"${importId}" is not a uuid`);
    this.importId = Buffer.from(hex, 'hex');
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Bytes written since the last `take()`. */
  get length(): number {
    return this.pos;
  }

  /** Starts a COPY stream: call once before the first record of each COPY. */
  begin(): void {
    this.reserve(SIGNATURE.length);
    this.pos += SIGNATURE.copy(this.buffer, this.pos);
  }

  /** Ends a COPY stream. */
  end(): void {
    this.reserve(TRAILER.length);
    this.pos += TRAILER.copy(this.buffer, this.pos);
  }

  /** One case as one tuple. */
  add(r: CaseRecord, due: string): void {
    // 16 fields: a length word each, fixed-size values, the texts at worst 3 bytes per UTF-16
    // unit, and the short codes (item type, channel, pre-review).
    this.reserve(
      2 +
        16 * 4 +
        4 * 4 +
        16 +
        2 * 2 +
        1 +
        3 *
          (r.caseId.length +
            r.itemCode.length +
            r.unit.length +
            r.status.length +
            r.regionCode.length) +
        96,
    );
    this.buffer[this.pos++] = 0;
    this.buffer[this.pos++] = 16;
    this.int32Field(this.monthOf(r.received));
    this.cached(r.regionCode);
    this.int32(16);
    this.pos += this.importId.copy(this.buffer, this.pos);
    this.text(r.caseId);
    this.text(r.itemCode);
    this.cached(r.itemType);
    this.cached(r.unit);
    this.cached(r.channel);
    this.int32Field(this.dayOf(r.received));
    this.int16Field(r.promisedDays);
    this.int32Field(this.dayOf(due));
    if (r.finished === null) this.int32(-1);
    else this.int32Field(this.dayOf(r.finished));
    this.cached(r.status);
    if (r.evaluation === null) this.int32(-1);
    else this.int16Field(r.evaluation);
    if (r.preReview === null) this.int32(-1);
    else this.cached(r.preReview);
    this.int32(1);
    this.buffer[this.pos++] = r.isTest ? 1 : 0;
  }

  /** The bytes written so far, handed over; the encoder continues in a fresh buffer. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.pos);
    this.buffer = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return out;
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.pos + bytes));
    this.buffer.copy(grown, 0, 0, this.pos);
    this.buffer = grown;
  }

  private int32(v: number): void {
    const b = this.buffer;
    b[this.pos] = v >>> 24;
    b[this.pos + 1] = v >>> 16;
    b[this.pos + 2] = v >>> 8;
    b[this.pos + 3] = v;
    this.pos += 4;
  }

  private int32Field(v: number): void {
    this.int32(4);
    this.int32(v);
  }

  private int16Field(v: number): void {
    this.int32(2);
    const b = this.buffer;
    b[this.pos] = v >>> 8;
    b[this.pos + 1] = v;
    this.pos += 2;
  }

  /** A text that changes from row to row (case id, item code): ASCII byte by byte. */
  private text(s: string): void {
    const b = this.buffer;
    const start = this.pos + 4;
    let p = start;
    for (let i = 0; i < s.length; i += 1) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p = start + b.write(s, start, 'utf8');
        break;
      }
      b[p++] = c;
    }
    this.int32(p - start);
    this.pos = p;
  }

  /** A text that repeats (unit, status, codes): encoded once. */
  private cached(s: string): void {
    let bytes = this.texts.get(s);
    if (bytes === undefined) {
      if (this.texts.size >= CACHE_LIMIT) this.texts.clear();
      bytes = Buffer.from(s, 'utf8');
      this.texts.set(s, bytes);
    }
    this.int32(bytes.length);
    // Short byte strings are copied faster by hand than through Buffer#copy's native call.
    const b = this.buffer;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i += 1) b[p++] = bytes[i];
    this.pos = p;
  }

  private dayOf(date: string): number {
    return this.memoDay(this.days, date, false);
  }

  private monthOf(date: string): number {
    return this.memoDay(this.months, date, true);
  }

  /** The day number of a date (or of its month's first day), remembered per date string. */
  private memoDay(memo: Map<string, number>, date: string, month: boolean): number {
    let n = memo.get(date);
    if (n === undefined) {
      if (memo.size >= CACHE_LIMIT) memo.clear();
      n = dayNumber(date, month);
      memo.set(date, n);
    }
    return n;
  }
}
