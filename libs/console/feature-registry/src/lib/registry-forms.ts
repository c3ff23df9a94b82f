import { REGION_CODE_FORMAT } from '@efficacy/indicator-model';

/** A successor as the succession form reads it: "410505990000 新街道" (the name only for a new code). */
export interface SuccessorLine {
  readonly code: string;
  readonly nameZh?: string;
}

/** What is wrong with a form's text: a translation key and its parameters. */
export interface FormProblem {
  readonly key: string;
  readonly params?: Record<string, string | number>;
}

/** Region codes typed one after another, separated by spaces, commas or 、. */
export function parseCodes(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** One successor a line: its code, then its Chinese name when the registry lacks it. */
export function parseSuccessors(text: string): SuccessorLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [code, ...rest] = line.split(/[\s,，、]+/);
      const nameZh = rest.join('').trim();
      return nameZh ? { code, nameZh } : { code };
    });
}

/** The first code that is not a region code, with the line or position it is at. */
export function badCode(codes: readonly string[]): FormProblem | null {
  const index = codes.findIndex((c) => !REGION_CODE_FORMAT.test(c));
  return index < 0
    ? null
    : { key: 'registry.form.badCode', params: { code: codes[index], n: index + 1 } };
}

/** The shape a kind needs: a merge two or more into one, a split one into two or more, a rename one to one. */
export function successionShape(
  kind: 'merge' | 'split' | 'rename',
  from: number,
  to: number,
): FormProblem | null {
  const ok =
    kind === 'merge'
      ? from >= 2 && to === 1
      : kind === 'split'
        ? from === 1 && to >= 2
        : from === 1 && to === 1;
  return ok ? null : { key: `registry.form.shape.${kind}`, params: { from, to } };
}

/** Lower-case ASCII words joined by hyphens, as the API's unit ids need them. */
export const UNIT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
