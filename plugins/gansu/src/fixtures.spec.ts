import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildFixtures, PLAN_FIXTURE } from '../scripts/fixtures';

const root = join(__dirname, '..', 'test-fixtures');

// The committed inputs must be exactly what scripts/make-fixtures.ts writes, so that a
// fixture edited by hand (or a builder change) cannot slip past the golden files.
describe('fixtures built by scripts/fixtures.ts', () => {
  it('are committed byte for byte as the script builds them', async () => {
    const plan = new Uint8Array(readFileSync(join(root, PLAN_FIXTURE)));
    const files = await buildFixtures(plan);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const path = join(root, file.path);
      expect({ path: file.path, exists: existsSync(path) }).toEqual({
        path: file.path,
        exists: true,
      });
      const committed = new Uint8Array(readFileSync(path));
      expect({
        path: file.path,
        same: Buffer.from(committed).equals(Buffer.from(file.bytes)),
      }).toEqual({ path: file.path, same: true });
    }
  });

  it('are built the same twice', async () => {
    const plan = new Uint8Array(readFileSync(join(root, PLAN_FIXTURE)));
    const [first, second] = await Promise.all([buildFixtures(plan), buildFixtures(plan)]);
    expect(second.map((f) => Buffer.from(f.bytes).toString('hex'))).toEqual(
      first.map((f) => Buffer.from(f.bytes).toString('hex')),
    );
  });
});
