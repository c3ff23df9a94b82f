import { AssessmentCache } from './assessment-cache';

/** A stand-in for the one query the cache makes: the newest audit entry's id. */
function fakeDataSource() {
  let version = 1;
  return {
    bump: () => version++,
    source: { query: async () => [{ v: String(version) }] },
  };
}

const SCOPE = { regionCodes: ['640106'], unitIds: null };

describe('AssessmentCache', () => {
  it('computes once per data version and scope, and again after a write', async () => {
    const db = fakeDataSource();
    const cache = new AssessmentCache(db.source as never);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get(SCOPE, 'a', compute)).toBe(1);
    expect(await cache.get(SCOPE, 'a', compute)).toBe(1);
    // Another user's scope never shares an answer.
    expect(
      await cache.get({ regionCodes: ['640106'], unitIds: ['640106:spj'] }, 'a', compute),
    ).toBe(2);
    db.bump();
    expect(await cache.get(SCOPE, 'a', compute)).toBe(3);
  });

  it('shares one computation among requests that arrive together', async () => {
    const db = fakeDataSource();
    const cache = new AssessmentCache(db.source as never);
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setImmediate(() => resolve(++runs)));
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => cache.get(SCOPE, 'a', compute)),
    );
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(runs).toBe(1);
  });

  it('does not remember a failure', async () => {
    const db = fakeDataSource();
    const cache = new AssessmentCache(db.source as never);
    let fail = true;
    const compute = async () => {
      if (fail) throw new Error('period: bad');
      return 'ok';
    };
    await expect(cache.get(SCOPE, 'a', compute)).rejects.toThrow('period: bad');
    fail = false;
    expect(await cache.get(SCOPE, 'a', compute)).toBe('ok');
  });

  it("resolves a caller's scope once per data version, and again after a write", async () => {
    const db = fakeDataSource();
    const cache = new AssessmentCache(db.source as never);
    const principal = { roles: ['county-admin'], regions: ['640106'], units: [] } as never;
    let resolved = 0;
    const resolve = async () => {
      resolved++;
      return SCOPE;
    };
    expect((await cache.scopeAt(principal, resolve)).scope).toBe(SCOPE);
    await cache.scopeAt(principal, resolve);
    expect(resolved).toBe(1);
    // Another user with other regions is resolved on its own.
    await cache.scopeAt(
      { roles: ['city-admin'], regions: ['640100'], units: [] } as never,
      resolve,
    );
    expect(resolved).toBe(2);
    db.bump();
    const { version } = await cache.scopeAt(principal, resolve);
    expect(resolved).toBe(3);
    expect(version).toBe('2');
  });

  it('serialises one answer once, with an entity tag of its bytes', () => {
    const cache = new AssessmentCache(fakeDataSource().source as never);
    const answer = { value: 98.87, region: '金凤区' };
    const first = cache.toJson(answer);
    expect(JSON.parse(first.bytes.toString('utf8'))).toEqual(answer);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    // The same object again: the very same bytes, not a new serialisation.
    expect(cache.toJson(answer).bytes).toBe(first.bytes);
    expect(cache.toJson({ ...answer, value: 98.95 }).etag).not.toBe(first.etag);
  });

  it('reads the version after each request arrived, sharing one read among those that wait', async () => {
    let version = 1;
    let reads = 0;
    const gates: Array<() => void> = [];
    const source = {
      query: () =>
        new Promise<Array<{ v: string }>>((resolve) => {
          reads++;
          const at = version; // the value as of when the read starts
          gates.push(() => resolve([{ v: String(at) }]));
        }),
    };
    const cache = new AssessmentCache(source as never);
    const first = cache.version();
    // A write commits while the first read is under way; requests arriving now must see it.
    version = 2;
    const second = cache.version();
    const third = cache.version();
    expect(reads).toBe(1);
    gates.shift()?.();
    expect(await first).toBe('1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2); // one read for both waiting requests
    gates.shift()?.();
    expect([await second, await third]).toEqual(['2', '2']);
  });
});
