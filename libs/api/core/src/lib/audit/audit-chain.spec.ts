import { GENESIS_HASH, entryHash, verifyChain, type ChainRow } from './audit-chain';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
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
    const hash = entryHash(prev, fields);
    rows.push({ ...fields, id: String(i), prevHash: prev, hash });
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
