// `npm run efficacy -- <command>`: runs the command-line tool from source.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstall, PROJECT_NODE } from './lib/ensure-install.mjs';
import { repoRoot } from './lib/paths.mjs';

ensureInstall({ log: (m) => console.error(m) });
// tsx under the project's Node, whichever Node started this script.
const result = spawnSync(
  PROJECT_NODE,
  [
    join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    '--tsconfig',
    join(repoRoot, 'apps', 'cli', 'tsconfig.app.json'),
    join(repoRoot, 'apps', 'cli', 'src', 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
