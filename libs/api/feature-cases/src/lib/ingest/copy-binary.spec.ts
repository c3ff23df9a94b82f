import type { CaseRecord } from '@efficacy/indicator-model';
import { CASE_RECORD_COLUMNS, CaseCopyEncoder } from './copy-binary';

const IMPORT = '0e4b7a52-3f1e-4bb8-9d7e-6d2e0f0c1a11';

/** Reads COPY binary back: the signature, then tuples of length-prefixed fields, then -1. */
function readTuples(bytes: Buffer): Array<Array<Buffer | null>> {
  expect(bytes.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  let pos = 19;
  const tuples: Array<Array<Buffer | null>> = [];
  for (;;) {
    const count = bytes.readInt16BE(pos);
    pos += 2;
    if (count === -1) break;
    const fields: Array<Buffer | null> = [];
    for (let i = 0; i < count; i += 1) {
      const length = bytes.readInt32BE(pos);
      pos += 4;
      if (length < 0) fields.push(null);
      else {
        fields.push(bytes.subarray(pos, pos + length));
        pos += length;
      }
    }
    tuples.push(fields);
  }
  expect(pos).toBe(bytes.length);
  return tuples;
}

const pgDate = (field: Buffer | null) =>
  field === null
    ? null
    : new Date(Date.UTC(2000, 0, 1) + field.readInt32BE(0) * 86_400_000).toISOString().slice(0, 10);

const record: CaseRecord = {
  caseId: 'C-001',
  itemCode: '640106-SX-00138',
  itemType: 'approval',
  unit: '金凤区审批服务管理局',
  regionCode: '640106',
  channel: 'window',
  received: '2022-03-05',
  promisedDays: 3,
  finished: '2022-03-09',
  status: '已办结',
  evaluation: 5,
  preReview: 'passed',
  isTest: false,
};

describe('COPY binary tuples of case records', () => {
  it('writes every column in order, dates as days, texts as UTF-8, missing values as NULL', () => {
    const encoder = new CaseCopyEncoder(IMPORT);
    encoder.begin();
    encoder.add(record, '2022-03-10');
    encoder.add(
      {
        ...record,
        caseId: '办件\t甲',
        finished: null,
        evaluation: null,
        preReview: null,
        isTest: true,
      },
      '2022-03-10',
    );
    encoder.end();
    const [first, second] = readTuples(encoder.take());
    expect(first).toHaveLength(CASE_RECORD_COLUMNS.length);
    const text = (f: Buffer | null) => f?.toString('utf8');
    expect({
      month: pgDate(first[0]),
      region: text(first[1]),
      importId: first[2]?.toString('hex'),
      caseId: text(first[3]),
      itemCode: text(first[4]),
      itemType: text(first[5]),
      unit: text(first[6]),
      channel: text(first[7]),
      received: pgDate(first[8]),
      promised: first[9]?.readInt16BE(0),
      due: pgDate(first[10]),
      finished: pgDate(first[11]),
      status: text(first[12]),
      evaluation: first[13]?.readInt16BE(0),
      preReview: text(first[14]),
      isTest: first[15]?.[0],
    }).toEqual({
      month: '2022-03-01',
      region: '640106',
      importId: IMPORT.replace(/-/g, ''),
      caseId: 'C-001',
      itemCode: '640106-SX-00138',
      itemType: 'approval',
      unit: '金凤区审批服务管理局',
      channel: 'window',
      received: '2022-03-05',
      promised: 3,
      due: '2022-03-10',
      finished: '2022-03-09',
      status: '已办结',
      evaluation: 5,
      preReview: 'passed',
      isTest: 0,
    });
    // Binary needs no escaping: a tab in a case id stays a tab, and non-ASCII stays UTF-8.
    expect(text(second[3])).toBe('办件\t甲');
    expect([second[11], second[13], second[14]]).toEqual([null, null, null]);
    expect(second[15]?.[0]).toBe(1);
  });

  it('hands over what it wrote and grows for a row longer than its buffer', () => {
    const encoder = new CaseCopyEncoder(IMPORT, 64);
    encoder.begin();
    const long = { ...record, unit: '很长的部门名称'.repeat(50) };
    encoder.add(long, '2022-03-10');
    encoder.end();
    const [only] = readTuples(encoder.take());
    expect(only[6]?.toString('utf8')).toBe(long.unit);
    expect(encoder.length).toBe(0);
  });

  it('refuses an import id that is not a uuid', () => {
    expect(() => new CaseCopyEncoder('imp-1')).toThrow(/not a uuid/);
  });
});
