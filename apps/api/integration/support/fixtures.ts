import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** A plugin's committed test fixture: the transcription of a seed bulletin table. */
export function fixture(plugin: string, name: string): { name: string; bytes: Buffer } {
  return { name, bytes: readFileSync(join(ROOT, 'plugins', plugin, 'test-fixtures', 'ok', name)) };
}

export function uploadForm(
  file: { name: string; bytes: Buffer },
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
