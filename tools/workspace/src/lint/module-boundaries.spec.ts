import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..', '..', '..');

/**
 * Proves that the lint rules bite: a file that breaks the architecture is
 * reported, the same file without the offending import is clean.
 */
describe('module boundaries', () => {
  // Each test starts ESLint, which builds the Nx project graph: tens of seconds on a loaded
  // 2-core machine.
  jest.setTimeout(180_000);

  // ESLint runs as the real command line (its ESM config cannot load inside Jest's VM).
  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const run = promisify(execFile);
    const child = run(
      join(root, 'node_modules', '.bin', 'eslint'),
      ['--stdin', '--stdin-filename', join(root, filePath), '--format', 'json'],
      {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        maxBuffer: 10_000_000,
      },
    );
    child.child.stdin?.end(code);
    const stdout = await child.then(
      (r) => r.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const [result] = JSON.parse(stdout) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>;
    }>;
    return result.messages
      .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
      .map((m) => m.message);
  }

  const banned = ['@nestjs/common', 'typeorm', '@angular/core'];
  const pureProjects = [
    'libs/shared/indicator-model/src/lib/probe.ts',
    'libs/plugin-sdk/src/lib/probe.ts',
  ];

  for (const file of pureProjects) {
    for (const pkg of banned) {
      it(`refuses ${pkg} in ${file.split('/src/')[0]}`, async () => {
        const errors = await boundaryErrors(
          file,
          `import * as banned from '${pkg}';\nexport const probe = banned;\n`,
        );
        expect(errors).toContainEqual(expect.stringContaining(`is not allowed to import "${pkg}"`));
      });
    }
  }

  it('accepts a pure import in the model', async () => {
    const errors = await boundaryErrors(
      pureProjects[0],
      `import { join } from 'node:path';\nexport const probe = join;\n`,
    );
    expect(errors).toEqual([]);
  });

  it('refuses the console importing the API', async () => {
    const errors = await boundaryErrors(
      'libs/console/core/src/lib/probe.ts',
      `import { CoreModule } from '@efficacy/api/core';\nexport const probe = CoreModule;\n`,
    );
    expect(errors.join('\n')).toMatch(/scope:console/);
  });

  it('refuses the model importing the SDK', async () => {
    const errors = await boundaryErrors(
      'libs/shared/indicator-model/src/lib/probe.ts',
      `import * as sdk from '@efficacy/plugin-sdk';\nexport const probe = sdk;\n`,
    );
    // Since the SDK maps batches into the model (mapBatch), this import would also close a
    // cycle, and the rule reports the cycle before the tags; either way it is refused.
    expect(errors.join('\n')).toMatch(
      /type:model|Circular dependency between "indicator-model" and "plugin-sdk"/,
    );
  });
});
