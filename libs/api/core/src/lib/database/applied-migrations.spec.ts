import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Migrations are never edited after they land: a database that ran one will not run it
 * again, so an edit changes the schema of new databases only. This spec compares each
 * migration file with the sha256 committed in applied-migrations.sha256.
 */
const dir = __dirname;
const LIST = 'applied-migrations.sha256';

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const listed = new Map(
  readFileSync(join(dir, LIST), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!match) throw new Error(`${LIST}: "${line}" is not a line of sha256sum output`);
      return [match[2] as string, match[1] as string] as const;
    }),
);

const files = readdirSync(join(dir, 'migrations'))
  .filter((name) => /^\d{13}-.+\.ts$/.test(name) && !name.endsWith('.spec.ts'))
  .map((name) => `migrations/${name}`);

describe('applied migrations', () => {
  it.each([...listed.keys()])('%s is unchanged since it landed', (file) => {
    let actual: string | undefined;
    try {
      actual = sha256(join(dir, file));
    } catch {
      actual = undefined;
    }
    if (actual === undefined) {
      throw new Error(
        `${file} has landed (it is listed in ${LIST}) but is gone: databases have run it, so it stays.`,
      );
    }
    if (actual !== listed.get(file)) {
      throw new Error(
        `${file} was edited after it landed: databases that ran it will not run it again; ` +
          `restore it and change the schema in a new migration.`,
      );
    }
  });

  it('lists every migration', () => {
    const unlisted = files.filter((file) => !listed.has(file));
    if (unlisted.length > 0) {
      throw new Error(
        `${unlisted.join(', ')} ${unlisted.length === 1 ? 'is' : 'are'} not in ${LIST}: ` +
          `when a migration is final, add its line (cd libs/api/core/src/lib/database && sha256sum ${unlisted.join(' ')} >> ${LIST}).`,
      );
    }
  });
});
