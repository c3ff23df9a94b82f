import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildFixtures } from '../scripts/make-fixtures';

// The fixtures that scripts/make-fixtures.ts derives from the seed workbooks are committed;
// this keeps the script and the files from drifting apart (a golden's sha256 would follow).
describe('henan derived fixtures', () => {
  it('are exactly what scripts/make-fixtures.ts builds', async () => {
    const files = await buildFixtures();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const committed = new Uint8Array(
        readFileSync(join(__dirname, '..', 'test-fixtures', file.folder, file.name)),
      );
      expect({
        name: file.name,
        same: Buffer.from(committed).equals(Buffer.from(file.bytes)),
      }).toEqual({ name: file.name, same: true });
    }
  });
});
