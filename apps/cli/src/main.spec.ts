import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const combined = join(
  root,
  'plugins',
  'henan',
  'test-fixtures',
  'ok',
  'yindu-2023-06-annexes-combined.xlsx',
);

interface Piped {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the command line from source in a child process whose stdout is a pipe, as `… | jq` does. */
function runPiped(args: string[]): Promise<Piped> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        '--tsconfig',
        join(root, 'apps', 'cli', 'tsconfig.app.json'),
        join(root, 'apps', 'cli', 'src', 'main.ts'),
        ...args,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

describe('efficacy into a pipe', () => {
  // A child process that compiles the CLI with tsx and reads an 8-sheet workbook: on a loaded
  // 2-core machine this takes several seconds, far more than Jest's default 5 s.
  jest.setTimeout(120_000);

  it('writes the whole --json document of a large batch (> 1 MB) before it exits', async () => {
    const run = await runPiped(['preview', combined, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Before the fix the pipe got 131,072 bytes: process.exit cut the asynchronous write short.
    expect(run.stdout.length).toBeGreaterThan(1_000_000);
    const preview = JSON.parse(run.stdout.toString('utf8'));
    expect(preview.adapter.id).toBe('henan');
    expect(preview.reportKind.id).toBe('capability-bulletin-annexes');
    expect(preview.batch.period).toBeDefined();
    expect(preview.indicators.length).toBeGreaterThan(200);
  });

  it('exits with the command’s code and one sentence when the file is missing', async () => {
    const run = await runPiped(['preview', join(root, 'no-such-file.xlsx'), '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr.trim()).toMatch(/^efficacy: cannot read .*no-such-file\.xlsx: no such file$/);
  });
});
