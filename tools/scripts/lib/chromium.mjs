// Browser tests drive Debian's Chromium; a browser is never downloaded by a test tool.
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

export function findChromium() {
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export function ensureChromium({ log }) {
  const found = findChromium();
  if (found) return found;
  if (userInfo().uid !== 0) {
    throw new Error(
      'Chromium is not installed: run `sudo apt-get install -y chromium` (Debian) and try again.',
    );
  }
  log("installing Debian's chromium package for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @type {[string, string[]][]} */
  const commands = [
    ['apt-get', ['update', '-q']],
    ['apt-get', ['install', '-y', '-q', 'chromium']],
  ];
  for (const cmd of commands) {
    const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit', env });
    if (r.status !== 0)
      throw new Error(`\`${cmd[0]} ${cmd[1].join(' ')}\` failed: cannot install Chromium`);
  }
  const installed = findChromium();
  if (!installed) throw new Error('Chromium was installed but is not on PATH');
  return installed;
}
