import { Readable } from 'node:stream';
import { stream as excelStream, type Row } from 'exceljs';
import { getDecoder } from 'iconv-lite';
import {
  CASE_EXPORT_HEADINGS,
  CHANNEL_LABELS,
  EVALUATION_LABELS,
  ITEM_TYPE_LABELS,
  PRE_REVIEW_LABELS,
} from '@efficacy/case-metrics';
import {
  CaseRecordError,
  caseRecordProblems,
  type CaseChannel,
  type CaseItemType,
  type CaseRecord,
  type EvaluationLevel,
  type PreReviewResult,
} from '@efficacy/indicator-model';
import type { CaseSource } from '@efficacy/plugin-sdk';
import { csvRecords, utf8Text } from './csv-records';

type Heading = (typeof CASE_EXPORT_HEADINGS)[number];

function invert<K extends string | number, V extends string>(map: Record<K, V>): Map<string, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as string, k as unknown as K]));
}

const ITEM_TYPES = invert<CaseItemType, string>(ITEM_TYPE_LABELS);
// Exports also print the short forms.
ITEM_TYPES.set('审批', 'approval').set('便民', 'convenience').set('公共服务', 'convenience');
const CHANNELS = invert<CaseChannel, string>(CHANNEL_LABELS);
CHANNELS.set('窗口', 'window').set('乡镇', 'township').set('街道', 'township');
const EVALUATIONS = new Map<string, EvaluationLevel>(
  Object.entries(EVALUATION_LABELS).map(([k, v]) => [v, Number(k) as EvaluationLevel]),
);
const PRE_REVIEWS = invert<PreReviewResult, string>(PRE_REVIEW_LABELS);
const YES = new Set(['是', 'Y', 'y', '1', 'true']);
const NO = new Set(['否', 'N', 'n', '0', 'false', '']);

/** Optional columns; every other heading must be present. */
const OPTIONAL: ReadonlySet<Heading> = new Set(['办结时间', '评价等级', '预审结果', '是否测试件']);

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** YYYY-MM-DD from a printed time: 2022-03-05 09:30:00, 2022/3/5, or a spreadsheet date. */
function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value ?? '').trim();
  if (text === '') return null;
  if (text.length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45)
    return text.slice(0, 10);
  const m = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/**
 * Maps one row of the export to a CaseRecord, or throws naming file, row, column and heading.
 * Built once per file from the header, so each row is a handful of array reads and map lookups.
 */
function rowMapper(file: string, header: readonly string[], headerRow: number) {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(String(h ?? '').trim(), i));
  const missing = CASE_EXPORT_HEADINGS.filter((h) => !OPTIONAL.has(h) && !index.has(h));
  if (missing.length > 0) {
    throw new CaseRecordError(
      `${file}, row ${headerRow}: the case export lacks column(s) ${missing.join(', ')}; expected the headings ${CASE_EXPORT_HEADINGS.join(', ')}`,
      { file, row: headerRow },
    );
  }
  const col = (h: Heading) => index.get(h) ?? -1;
  const c = {
    caseId: col('办件编号'),
    itemCode: col('事项编码'),
    itemType: col('事项类型'),
    unit: col('办理部门'),
    region: col('行政区划代码'),
    channel: col('办理渠道'),
    received: col('受理时间'),
    promised: col('承诺时限（工作日）'),
    isFinished: col('是否办结'),
    finished: col('办结时间'),
    status: col('办件状态'),
    evaluation: col('评价等级'),
    preReview: col('预审结果'),
    isTest: col('是否测试件'),
  };
  const fail = (row: number, column: number, message: string): never => {
    throw new CaseRecordError(
      `${file}, row ${row}, column ${columnLetter(column)} (${header[column]}): ${message}`,
      { file, row, column: columnLetter(column) },
    );
  };
  const text = (values: readonly unknown[], i: number): string => {
    if (i < 0) return '';
    const v = values[i];
    return typeof v === 'string' ? v.trim() : String(v ?? '').trim();
  };

  return (values: readonly unknown[], row: number): CaseRecord => {
    const itemTypeText = text(values, c.itemType);
    const itemType = ITEM_TYPES.get(itemTypeText);
    if (!itemType) fail(row, c.itemType, `"${itemTypeText}" is not 审批事项 or 便民事项`);
    const channelText = text(values, c.channel);
    const channel = CHANNELS.get(channelText);
    if (!channel)
      fail(
        row,
        c.channel,
        `"${channelText}" is not one of ${Object.values(CHANNEL_LABELS).join(', ')}`,
      );
    const promisedText = text(values, c.promised);
    const promisedDays = promisedText === '' ? 0 : Number(promisedText);
    const finishedFlag = text(values, c.isFinished);
    if (!YES.has(finishedFlag) && !NO.has(finishedFlag))
      fail(row, c.isFinished, `"${finishedFlag}" is not 是 or 否`);
    const finished = YES.has(finishedFlag) ? dateOf(values[c.finished]) : null;
    if (YES.has(finishedFlag) && finished === null)
      fail(
        row,
        c.finished < 0 ? c.isFinished : c.finished,
        'the case is finished but has no 办结时间',
      );
    const evaluationText = text(values, c.evaluation);
    const evaluation = evaluationText === '' ? null : (EVALUATIONS.get(evaluationText) ?? 0);
    if (evaluation === 0)
      fail(
        row,
        c.evaluation,
        `"${evaluationText}" is not one of ${Object.values(EVALUATION_LABELS).join(', ')}`,
      );
    const preReviewText = text(values, c.preReview);
    const preReview = preReviewText === '' ? null : (PRE_REVIEWS.get(preReviewText) ?? 'bad');
    if (preReview === 'bad') fail(row, c.preReview, `"${preReviewText}" is not 通过 or 不通过`);
    const testText = text(values, c.isTest);
    if (!YES.has(testText) && !NO.has(testText))
      fail(row, c.isTest, `"${testText}" is not 是 or 否`);

    const record: CaseRecord = {
      caseId: text(values, c.caseId),
      itemCode: text(values, c.itemCode),
      itemType: itemType as CaseItemType,
      unit: text(values, c.unit),
      regionCode: text(values, c.region),
      channel: channel as CaseChannel,
      received: dateOf(values[c.received]) ?? '',
      promisedDays,
      finished,
      status: text(values, c.status),
      evaluation: evaluation as EvaluationLevel | null,
      preReview: preReview as PreReviewResult | null,
      isTest: YES.has(testText),
    };
    const problems = caseRecordProblems(record);
    if (problems.length > 0)
      throw new CaseRecordError(`${file}, row ${row}: ${problems.join('; ')}`, { file, row });
    return record;
  };
}

async function* decodedText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // UTF-8 (with or without BOM) unless the first chunk is not valid UTF-8: then GB18030,
  // which the platform's "导出" writes on Windows.
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value.buffer, first.value.byteOffset, first.value.byteLength);
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (isUtf8Prefix(head.subarray(0, Math.min(head.length, 64 * 1024 - 4)))) {
    yield* utf8Text(all());
    return;
  }
  const decoder = getDecoder('gb18030');
  for await (const chunk of all()) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function isUtf8Prefix(buffer: Buffer): boolean {
  // A chunk may end inside a multi-byte sequence: drop up to 3 trailing bytes before checking.
  for (let cut = 0; cut < 4 && cut <= buffer.length; cut += 1) {
    const part = buffer.subarray(0, buffer.length - cut);
    if (Buffer.from(part.toString('utf8'), 'utf8').equals(part)) return true;
  }
  return false;
}

async function* readCsv(source: CaseSource): AsyncGenerator<CaseRecord[]> {
  let map: ((values: readonly unknown[], row: number) => CaseRecord) | undefined;
  let row = 0;
  try {
    for await (const batch of csvRecords(decodedText(source.bytes))) {
      const records: CaseRecord[] = [];
      for (const values of batch) {
        row += 1;
        if (!map) {
          map = rowMapper(source.name, values, row);
          continue;
        }
        records.push(map(values, row));
      }
      if (records.length > 0) yield records;
    }
  } catch (error) {
    if (error instanceof CaseRecordError) throw error;
    throw new CaseRecordError(
      `${source.name}, row ${row + 1}: ${error instanceof Error ? error.message : String(error)}`,
      { file: source.name, row: row + 1 },
    );
  }
  if (!map) throw new CaseRecordError(`${source.name}: the file is empty`, { file: source.name });
}

/** Rows of an xlsx export per batch: the reader is row by row, the consumer waits per batch. */
const XLSX_BATCH = 1000;

async function* readXlsx(source: CaseSource): AsyncGenerator<CaseRecord[]> {
  const input = Readable.from(source.bytes);
  const reader = new excelStream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let map: ((values: readonly unknown[], row: number) => CaseRecord) | undefined;
  let records: CaseRecord[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<Row>) {
        // exceljs rows are 1-based with a hole at 0; rich text and formula cells carry a result.
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!map) {
          map = rowMapper(source.name, values as string[], row.number);
          continue;
        }
        if (values.every((v) => v === '' || v === undefined || v === null)) continue;
        records.push(map(values, row.number));
        if (records.length >= XLSX_BATCH) {
          yield records;
          records = [];
        }
      }
      if (records.length > 0) yield records;
      break; // the export has one sheet; others (说明) are ignored
    }
  } finally {
    input.destroy();
  }
  if (!map)
    throw new CaseRecordError(`${source.name}: the workbook is empty`, { file: source.name });
}

function cellText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return v.text;
  }
  return value;
}

/** Streams the case records of a Ningxia case export (CSV in UTF-8 or GB18030, or xlsx). */
export function readNingxiaCases(source: CaseSource): AsyncIterable<readonly CaseRecord[]> {
  const name = source.name.toLowerCase();
  if (name.endsWith('.xlsx')) return readXlsx(source);
  if (name.endsWith('.csv') || name.endsWith('.txt')) return readCsv(source);
  throw new CaseRecordError(`${source.name}: a case export must be .csv or .xlsx`, {
    file: source.name,
  });
}
