// The system tools `npm start` and `npm test` need, checked before anything starts: each is
// found, installed (Debian, as root, where that is cheap and the stage cannot run without it,
// as Chromium always was), or named with the command that installs it. A tool only one stage
// needs is checked only when that stage runs, and optional ones are reported, never fatal.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { ensureChromium } from './chromium.mjs';

/** @param {string} name */
function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const isDebian = () => existsSync('/etc/debian_version') && onPath('apt-get') !== null;

/** @param {string} pkg */
function debianInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * apt-get install as root on Debian; returns whether it worked.
 * @param {string[]} packages
 * @param {(m: string) => void} log
 */
function aptInstall(packages, log) {
  if (userInfo().uid !== 0 || !isDebian()) return false;
  log(`installing Debian's ${packages.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', ...packages],
  ]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) return false;
  }
  return true;
}

const keycloakCached = async () => {
  const keycloak = await import(join(repoRoot, 'tools', 'keycloak', 'keycloak.mjs'));
  return existsSync(join(keycloak.keycloakHome(), 'bin', 'kc.sh'));
};

/**
 * Keycloak runs here unless KEYCLOAK_URL names one: Java 21+, and on the first start `mvn` to
 * fetch it from Maven Central and `unzip` (or the JDK's `jar`) to unpack it.
 * @param {(m: string) => void} log
 * @returns {Promise<string[]>} what is missing, each with the command that installs it
 */
async function keycloakTools(log) {
  if (process.env.KEYCLOAK_URL) return [];
  const missing = [];
  const keycloak = await import(join(repoRoot, 'tools', 'keycloak', 'keycloak.mjs'));
  let java = null;
  try {
    java = keycloak.findJava();
  } catch (error) {
    missing.push(
      `${error.message} (Debian: add the Adoptium repository, https://adoptium.net/installation/linux/, then \`apt-get install -y temurin-21-jdk\`)`,
    );
  }
  if (!(await keycloakCached())) {
    if (!onPath('mvn') && !aptInstall(['maven'], log))
      missing.push(
        'Maven (`mvn`) fetches Keycloak from Maven Central on the first start: `apt-get install -y maven`, or set KEYCLOAK_URL',
      );
    const jar = java && existsSync(join(java.javaHome, 'bin', 'jar'));
    if (!onPath('unzip') && !jar && !aptInstall(['unzip'], log))
      missing.push('`unzip` unpacks Keycloak on the first start: `apt-get install -y unzip`');
  }
  return missing;
}

/** Whether a CJK font is installed (Debian's fonts-noto-cjk, or any font fontconfig knows for zh). */
function hasCjkFont() {
  if (existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return true;
  if (!onPath('fc-list')) return false;
  return spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout.trim().length > 0;
}

/** The folder of LibreOffice's program files, or null when `soffice` is not installed. */
function libreOfficeProgramDir() {
  const soffice = onPath('soffice') ?? onPath('libreoffice');
  if (!soffice) return null;
  try {
    return dirname(realpathSync(soffice));
  } catch {
    return dirname(soffice);
  }
}

/**
 * Whether LibreOffice can draw a page as an image (the Draw module); the tests do that.
 * @param {string} programDir
 */
function hasDraw(programDir) {
  if (existsSync(join(programDir, 'libsdlo.so'))) return true;
  return isDebian() && ['libreoffice-draw-nogui', 'libreoffice-draw'].some(debianInstalled);
}

/**
 * Checks the tools of what is about to run and throws one message listing everything missing.
 * @param {{ keycloak?: boolean, browser?: boolean, pdfTests?: boolean, clock?: boolean,
 *   log: (m: string) => void }} needs
 *   keycloak: Keycloak is started here (unless KEYCLOAK_URL); browser: the Playwright tests;
 *   pdfTests: tests that convert documents with LibreOffice when it is installed;
 *   clock: tests run under `faketime`.
 */
export async function preflight({
  keycloak = false,
  browser = false,
  pdfTests = false,
  clock = false,
  log,
}) {
  const missing = [];
  if (keycloak) missing.push(...(await keycloakTools(log)));
  if (browser) {
    try {
      ensureChromium({ log });
    } catch (error) {
      missing.push(error.message);
    }
  }
  if (clock && !onPath('faketime') && !aptInstall(['faketime'], log))
    missing.push('`faketime` moves the clock for the date tests: `apt-get install -y faketime`');
  // Bulletin charts are drawn on the server and refused without a CJK font (their labels would
  // be boxes): npm start and the bulletin tests both need one.
  if (!hasCjkFont() && !aptInstall(['fonts-noto-cjk'], log))
    missing.push(
      'no CJK font: bulletin charts cannot be drawn in Chinese: `apt-get install -y fonts-noto-cjk`',
    );
  const office = libreOfficeProgramDir();
  if (!office) {
    log(
      'LibreOffice is not installed: bulletin PDFs answer 503 and the PDF tests are skipped with a note (Debian: `apt-get install -y libreoffice-writer-nogui libreoffice-draw-nogui fonts-noto-cjk`)',
    );
  } else if (pdfTests && !hasDraw(office) && !aptInstall(['libreoffice-draw-nogui'], log)) {
    // With LibreOffice present the tests render a page to an image, which needs Draw.
    missing.push(
      'LibreOffice is installed without Draw, which the tests need to render a page to an image: `apt-get install -y libreoffice-draw-nogui`',
    );
  }
  // With LibreOffice the tests read the printed bulletin's pages back with poppler's pdftotext.
  if (pdfTests && office && !onPath('pdftotext') && !aptInstall(['poppler-utils'], log))
    log(
      'poppler-utils is not installed: the bulletin page checks are skipped with a note (`apt-get install -y poppler-utils`)',
    );
  if (missing.length)
    throw new Error(
      `missing system tools:\n${missing.map((m) => `  - ${m}`).join('\n')}\nInstall them and run again.`,
    );
}
