import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The LibreOffice binary, or undefined when it is not installed (it is optional). */
export async function findSoffice(): Promise<string | undefined> {
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      const { stdout } = await run('sh', ['-c', `command -v ${candidate}`]);
      const path = stdout.trim();
      if (path) return path;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}

export class PdfUnavailableError extends Error {
  override readonly name = 'PdfUnavailableError';
}

async function soffice(binary: string, dir: string, input: string, format: string): Promise<void> {
  await run(
    binary,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      dir,
      input,
    ],
    { timeout: 120_000 },
  );
}

/**
 * Converts a .docx to PDF with headless LibreOffice in a private profile and temp directory,
 * so parallel conversions do not share a lock. `png` renders the PDF's first page (LibreOffice
 * Draw's PDF import), which is how a test looks at a page as an image.
 */
export async function convertDocx(docx: Buffer, format: 'pdf' | 'png' = 'pdf'): Promise<Buffer> {
  const binary = await findSoffice();
  if (!binary) {
    throw new PdfUnavailableError(
      'PDF needs LibreOffice (soffice), which is not installed on the server',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'efficacy-bulletin-'));
  try {
    const input = join(dir, 'bulletin.docx');
    await writeFile(input, docx);
    await soffice(binary, dir, input, 'pdf');
    if (format === 'png') await soffice(binary, dir, join(dir, 'bulletin.pdf'), 'png');
    return await readFile(join(dir, `bulletin.${format}`));
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw error;
    throw new Error(`LibreOffice could not convert the bulletin to ${format}: ${String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
