import {
  GENESIS_HASH,
  entryHash,
  verifyChain,
  type AuditFields,
  type AuditHashVersion,
  type ChainRow,
} from './audit-chain';
import { canonicalJson, canonicalJsonV1 } from './canonical-json';

function chain(
  n: number,
  version: AuditHashVersion = 2,
  first = 1,
  start = GENESIS_HASH,
): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = start;
  for (let i = first; i < first + n; i++) {
    const fields = {
      occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, i)),
      actor: 'yinchuan.admin',
      actorRoles: ['city-admin'],
      actorScope: { units: [], regions: ['640100'] },
      regionCodes: ['640106'],
      action: 'target.set',
      targetType: 'target',
      targetId: `t${i}`,
      before: null,
      after: { value: 40 + i, comparator: '>=' },
      requestId: `r${i}`,
      clientAddress: '127.0.0.1',
    };
    const hash = entryHash(prev, fields, version);
    rows.push({ ...fields, id: String(i), prevHash: prev, hash, hashVersion: version });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual(expect.objectContaining({ ok: true, entries: 5 }));
  });

  it('names an edited entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: { value: 99, comparator: '>=' } };
    expect(verifyChain(rows)).toEqual(
      expect.objectContaining({
        ok: false,
        brokenAt: '3',
        reason: expect.stringContaining('edited'),
      }),
    );
  });

  it('names the entry after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual(
      expect.objectContaining({
        ok: false,
        brokenAt: '3',
        reason: expect.stringContaining('deleted'),
      }),
    );
  });

  it('hashes the same after jsonb reorders the keys', () => {
    const [row] = chain(1);
    const reordered = { ...row, after: { comparator: '>=', value: 41 } };
    expect(verifyChain([reordered]).ok).toBe(true);
  });
});

describe('audit hash versions', () => {
  // An entry whose figures are keyed by region code: the one shape where the two forms differ.
  const fields: AuditFields = {
    occurredAt: new Date(Date.UTC(2026, 10, 22, 8, 0, 1)),
    actor: 'yinchuan.admin',
    actorRoles: ['city-admin'],
    actorScope: { units: [], regions: ['640100'] },
    regionCodes: ['640106'],
    action: 'import.commit',
    targetType: 'import',
    targetId: '7',
    before: null,
    after: { counts: { '640106': 3, '9': 1, rows: 12 }, file: '金凤区.xlsx' },
    requestId: 'r1',
    clientAddress: '127.0.0.1',
  };
  // Computed with the hand-written canonical JSON as it was before RFC 8785 (commit f36a62e).
  const WRITTEN_BEFORE_THE_CHANGE =
    'd30f6bda233085fbfc559923f76fff2e86fa1a5564f03d3912bc05f70558a570';

  it('still verifies an entry written before the change, as version 1', () => {
    expect(entryHash(GENESIS_HASH, fields, 1)).toBe(WRITTEN_BEFORE_THE_CHANGE);
    const row = { ...fields, id: '1', prevHash: GENESIS_HASH, hash: WRITTEN_BEFORE_THE_CHANGE };
    expect(verifyChain([{ ...row, hashVersion: 1 }]).ok).toBe(true);
    // Read as RFC 8785 the same entry would look edited: hence the version on every entry.
    expect(verifyChain([{ ...row, hashVersion: 2 }])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('edited'),
    });
  });

  it('orders integer-like keys by RFC 8785 in version 2 and numerically in version 1', () => {
    const value = { a: 3, '10': 1, '9': 2 };
    expect(canonicalJson(value)).toBe('{"10":1,"9":2,"a":3}');
    expect(canonicalJsonV1(value)).toBe('{"9":2,"10":1,"a":3}');
    expect(canonicalJson({ b: [1, 'x', null], a: new Date(Date.UTC(2026, 0, 1)) })).toBe(
      '{"a":"2026-01-01T00:00:00.000Z","b":[1,"x",null]}',
    );
  });

  it('verifies a log that was written in version 1 and goes on in version 2', () => {
    const old = chain(3, 1);
    const continued = chain(3, 2, 4, old[old.length - 1]?.hash);
    expect(verifyChain([...old, ...continued])).toEqual(
      expect.objectContaining({ ok: true, entries: 6 }),
    );
  });

  it('refuses an entry with a version it does not know', () => {
    const [row] = chain(1);
    expect(verifyChain([{ ...row, hashVersion: 3 } as ChainRow])).toMatchObject({
      ok: false,
      brokenAt: '1',
      reason: 'its hash version 3 is not one this program knows',
    });
  });
});
