import type { Command } from 'commander';
import type {
  MeResponse,
  RecordRegionSuccessionResult,
  RegionChild,
  RegionDetail,
  RegionSuccession,
} from '@efficacy/api-contract';
import { CliError } from '../lib/errors';
import { apiRequest } from '../lib/session';
import type { CliSettings } from '../lib/settings';
import { renderTable } from '../lib/text-table';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^\d{6}(\d{6})?(-[a-z0-9]+)*$/;

function checkCode(code: string, what: string): string {
  if (!CODE.test(code)) {
    throw new CliError(
      `${what} must be a region code such as 411300 or 510802100000, got "${code}"`,
    );
  }
  return code;
}

function checkDate(date: string | undefined, what: string): void {
  if (date !== undefined && !DATE.test(date)) {
    throw new CliError(`${what} must be a date as YYYY-MM-DD, got "${date}"`);
  }
}

/** One level of the tree as a terminal table. */
export function formatChildren(parent: string, children: readonly RegionChild[]): string[] {
  const rows = children.map((c) => [
    c.code,
    c.nameZh,
    c.level,
    String(c.childCount),
    String(c.unitCount),
    c.validTo ? `until ${c.validTo}` : c.validFrom ? `since ${c.validFrom}` : '',
  ]);
  return [
    ...renderTable(['代码 code', '名称', 'level', 'regions', 'units', ''], rows, [
      'left',
      'left',
      'left',
      'right',
      'right',
      'left',
    ]),
    '',
    `  ${children.length} regions directly below ${parent}.`,
  ];
}

export function registerRegions(program: Command, settings: CliSettings): void {
  const regions = program
    .command('regions')
    .description('the region registry: list, show, and record a merge, split or rename');

  regions
    .command('list')
    .description('the regions directly below --under (your own regions without it)')
    .option('--under <code>', 'the region whose children to list, e.g. 411300')
    .option('--as-of <date>', 'the tree on this day (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (options: { under?: string; asOf?: string; json?: boolean }) => {
      checkDate(options.asOf, '--as-of');
      if (options.under === undefined) {
        const me = await apiRequest<MeResponse>(settings, '/me');
        if (options.json) {
          console.log(JSON.stringify(me.scope.regions, null, 2));
          return;
        }
        for (const r of me.scope.regions)
          console.log(`${r.code}  ${r.nameZh ?? '(not in the registry)'}`);
        return;
      }
      const code = checkCode(options.under, '--under');
      const query = options.asOf ? `?${new URLSearchParams({ asOf: options.asOf })}` : '';
      const children = await apiRequest<RegionChild[]>(
        settings,
        `/regions/${encodeURIComponent(code)}/children${query}`,
      );
      if (options.json) {
        console.log(JSON.stringify(children, null, 2));
        return;
      }
      for (const line of formatChildren(code, children)) console.log(line);
    });

  regions
    .command('show <code>')
    .description('one region: its ancestors, child regions, units and successions')
    .option('--as-of <date>', 'the region on this day (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (raw: string, options: { asOf?: string; json?: boolean }) => {
      const code = checkCode(raw, 'the region');
      checkDate(options.asOf, '--as-of');
      const query = options.asOf ? `?${new URLSearchParams({ asOf: options.asOf })}` : '';
      const path = `/regions/${encodeURIComponent(code)}`;
      const detail = await apiRequest<RegionDetail>(settings, `${path}${query}`);
      const successions = await apiRequest<RegionSuccession[]>(settings, `${path}/successions`);
      if (options.json) {
        console.log(JSON.stringify({ ...detail, successions }, null, 2));
        return;
      }
      const trail = [...detail.ancestors].reverse().map((a) => a.nameZh);
      console.log(`${detail.code}  ${[...trail, detail.nameZh].join(' › ')}  (${detail.level})`);
      if (detail.validFrom || detail.validTo) {
        console.log(`  in force ${detail.validFrom ?? '…'} – ${detail.validTo ?? '…'}`);
      }
      console.log(
        `  ${detail.children.length} regions and ${detail.units.length} units directly below`,
      );
      for (const u of detail.units) {
        console.log(
          `  ${u.id}  ${u.nameZh}  [${u.kind}]${u.aliases.length ? `  aka ${u.aliases.join('、')}` : ''}`,
        );
      }
      for (const s of successions) {
        console.log(
          `  ${s.date} ${s.kind}: ${s.from.join(', ')} → ${s.to.join(', ')}${s.note ? ` (${s.note})` : ''}`,
        );
      }
    });

  regions
    .command('succession')
    .description('record a merge, split or rename of regions from its day on (audited)')
    .requiredOption('--kind <kind>', 'merge, split or rename')
    .requiredOption('--date <date>', 'the day the change took effect (YYYY-MM-DD)')
    .requiredOption('--from <codes>', 'comma-separated codes of the regions that end')
    .requiredOption(
      '--to <codes>',
      'comma-separated successors; code=名称 creates one the registry lacks',
    )
    .option('--note <text>', 'why, e.g. the approving document')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        kind: string;
        date: string;
        from: string;
        to: string;
        note?: string;
        json?: boolean;
      }) => {
        if (!['merge', 'split', 'rename'].includes(options.kind)) {
          throw new CliError(`--kind must be merge, split or rename, got "${options.kind}"`);
        }
        checkDate(options.date, '--date');
        const from = options.from.split(',').map((c) => checkCode(c.trim(), '--from'));
        const to = options.to.split(',').map((entry) => {
          const [code, nameZh] = entry.split('=').map((p) => p.trim());
          checkCode(code, '--to');
          return nameZh ? { code, nameZh } : { code };
        });
        const result = await apiRequest<RecordRegionSuccessionResult>(
          settings,
          '/regions/successions',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              kind: options.kind,
              date: options.date,
              from,
              to,
              ...(options.note ? { note: options.note } : {}),
            }),
          },
        );
        if (options.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        const s = result.succession;
        console.log(
          `recorded ${s.kind} on ${s.date}: ${s.from.join(', ')} → ${s.to.join(', ')}; ${result.created.length} created, ${result.movedRegions} regions and ${result.movedUnits} units moved`,
        );
      },
    );
}
