import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { buildFixtures, PLAN_FIXTURE } from './fixtures';

/**
 * Writes the fixtures this plugin builds (see fixtures.ts) into test-fixtures/. Run from the
 * repository root:
 *
 *   npx tsx --tsconfig tsconfig.base.json plugins/gansu/scripts/make-fixtures.ts
 *
 * A spec (src/fixtures.spec.ts) rebuilds them and fails when the committed bytes differ.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', 'test-fixtures');
  const plan = new Uint8Array(readFileSync(join(root, PLAN_FIXTURE)));
  for (const file of await buildFixtures(plan)) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
    process.stdout.write(`wrote test-fixtures/${file.path} (${file.bytes.byteLength} bytes)\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
