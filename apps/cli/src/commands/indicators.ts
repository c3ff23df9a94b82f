import type { Command } from 'commander';
import type { FormulaKind, IndicatorUnit, Polarity } from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import { apiRequest } from '../lib/session';
import type { CliSettings } from '../lib/settings';
import { renderTable } from '../lib/text-table';

/** The fields of GET /api/indicators this command reads. */
export interface IndicatorListEntry {
  code: string;
  version: number;
  versions: number[];
  nameZh: string;
  nameEn: string;
  family: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  formulaKind: FormulaKind;
  derivable: boolean;
  formulaZh: string;
  formulaEn: string;
}

const UNIT_LABEL: Record<IndicatorUnit, string> = { percent: '%', count: '数量', ratio: '比值' };
const POLARITY_MARK: Record<Polarity, string> = {
  'higher-is-better': '↑',
  'lower-is-better': '↓',
  neutral: '·',
};

/** The catalogue as a terminal table, one indicator a row. */
export function formatIndicators(entries: readonly IndicatorListEntry[]): string[] {
  const rows = entries.map((e) => [
    e.code,
    e.nameZh,
    e.versions.length > 1 ? `v${e.version} of ${e.versions.length}` : `v${e.version}`,
    UNIT_LABEL[e.unit] ?? e.unit,
    POLARITY_MARK[e.polarity] ?? '',
    e.formulaZh,
  ]);
  return [
    ...renderTable(['代码 code', '名称', '版本', '单位', '方向', '公式'], rows, [
      'left',
      'left',
      'left',
      'left',
      'left',
      'left',
    ]),
    '',
    `  ${entries.length} indicators; ↑ higher is better, ↓ lower is better. Details: GET /api/indicators/<code>.`,
  ];
}

export function registerIndicators(program: Command, settings: CliSettings): void {
  program
    .command('indicators')
    .description('list the indicator catalogue (code, name, unit, direction, formula) from the API')
    .option('--as-of <date>', 'the versions in force on this day (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (options: { asOf?: string; json?: boolean }) => {
      if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
        throw new CliError(`--as-of must be a date as YYYY-MM-DD, got "${options.asOf}"`);
      }
      const query = options.asOf ? `?${new URLSearchParams({ asOf: options.asOf })}` : '';
      const entries = await apiRequest<IndicatorListEntry[]>(settings, `/indicators${query}`);
      if (options.json) {
        console.log(JSON.stringify(entries, null, 2));
        return;
      }
      for (const line of formatIndicators(entries)) console.log(line);
    });
}
