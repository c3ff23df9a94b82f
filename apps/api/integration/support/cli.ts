import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from './tokens';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** Sized for a loaded 2-core machine: tsx compiles the CLI on each start. */
const CLI_TIMEOUT_MS = 110_000;

/** Runs the real command line (`npm run efficacy -- …`) against a test API, as a user would. */
export function cliRunner(apiUrl: string, configDir: string, env: Record<string, string> = {}) {
  return async (...args: string[]): Promise<{ code: number; out: string }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [
          '--tsconfig',
          join(ROOT, 'apps/cli/tsconfig.app.json'),
          join(ROOT, 'apps/cli/src/main.ts'),
          ...args,
        ],
        {
          // A command that does not end is a failure, not a hang of the whole run: killed after
          // this long, its spec fails with what it printed, and Jest can exit.
          timeout: CLI_TIMEOUT_MS,
          killSignal: 'SIGKILL',
          env: {
            ...process.env,
            EFFICACY_API_URL: apiUrl,
            EFFICACY_PASSWORD: DEMO_PASSWORD,
            EFFICACY_CONFIG_DIR: configDir,
            ...env,
          },
        },
      );
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number | null; signal?: string; stdout: string; stderr: string };
      const killed = e.signal === 'SIGKILL' ? `\n[killed after ${CLI_TIMEOUT_MS} ms]` : '';
      return { code: e.code ?? -1, out: e.stdout + e.stderr + killed };
    }
  };
}

export const REPO_ROOT = ROOT;
