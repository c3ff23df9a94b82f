import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from './tokens';

const ROOT = join(__dirname, '..', '..', '..', '..');

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
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
}

export const REPO_ROOT = ROOT;
