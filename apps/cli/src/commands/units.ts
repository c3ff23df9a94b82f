import type { Command } from 'commander';
import type { UnitDetail, UnitListItem } from '@efficacy/api-contract';
import { CliError } from '../lib/errors';
import { apiRequest } from '../lib/session';
import type { CliSettings } from '../lib/settings';
import { renderTable } from '../lib/text-table';

const CODE = /^\d{6}(\d{6})?(-[a-z0-9]+)*$/;

export function formatUnits(units: readonly UnitListItem[]): string[] {
  const rows = units.map((u) => [u.id, u.nameZh, u.kind, u.regionCode, u.aliases.join('、')]);
  return [
    ...renderTable(['id', '名称', 'kind', 'region', '别名 aliases'], rows, [
      'left',
      'left',
      'left',
      'left',
      'left',
    ]),
    '',
    `  ${units.length} units.`,
  ];
}

function print(unit: UnitDetail, json?: boolean): void {
  if (json) console.log(JSON.stringify(unit, null, 2));
  else
    console.log(
      `${unit.id}  ${unit.nameZh}  [${unit.kind}] in ${unit.region.nameZh}; aliases: ${unit.aliases.join('、') || 'none'}`,
    );
}

export function registerUnits(program: Command, settings: CliSettings): void {
  const units = program
    .command('units')
    .description(
      'units that are not regions: departments, 开发区, halls, service centres, companies',
    );

  units
    .command('list')
    .description('units in your scope, optionally of one region and the regions below it')
    .option('--region <code>', 'e.g. 640106')
    .option('--json', 'print JSON')
    .action(async (options: { region?: string; json?: boolean }) => {
      if (options.region !== undefined && !CODE.test(options.region)) {
        throw new CliError(
          `--region must be a region code such as 640106, got "${options.region}"`,
        );
      }
      const query = options.region ? `?${new URLSearchParams({ region: options.region })}` : '';
      const list = await apiRequest<UnitListItem[]>(settings, `/units${query}`);
      if (options.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      for (const line of formatUnits(list)) console.log(line);
    });

  units
    .command('add')
    .description('add a unit to a region in your scope (audited)')
    .requiredOption('--region <code>', 'the region it belongs to, e.g. 411328')
    .requiredOption('--slug <slug>', 'lower-case id part: the unit id is <region>:<slug>')
    .requiredOption('--name <名称>', 'its Chinese name')
    .option(
      '--kind <kind>',
      'department, development-zone, service-hall, service-centre, hall-window or company',
      'department',
    )
    .option('--alias <spelling...>', 'other spellings sources use')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        region: string;
        slug: string;
        name: string;
        kind: string;
        alias?: string[];
        json?: boolean;
      }) => {
        const unit = await apiRequest<UnitDetail>(settings, '/units', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            regionCode: options.region,
            slug: options.slug,
            kind: options.kind,
            nameZh: options.name,
            ...(options.alias ? { aliases: options.alias } : {}),
          }),
        });
        print(unit, options.json);
      },
    );

  const alias = units.command('alias').description("add or remove a spelling of a unit's name");
  alias
    .command('add <unit> <spelling>')
    .description('add a spelling (audited)')
    .option('--json', 'print JSON')
    .action(async (id: string, spelling: string, options: { json?: boolean }) => {
      const unit = await apiRequest<UnitDetail>(
        settings,
        `/units/${encodeURIComponent(id)}/aliases`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ alias: spelling }),
        },
      );
      print(unit, options.json);
    });
  alias
    .command('remove <unit> <spelling>')
    .description('remove a spelling (audited)')
    .option('--json', 'print JSON')
    .action(async (id: string, spelling: string, options: { json?: boolean }) => {
      const unit = await apiRequest<UnitDetail>(
        settings,
        `/units/${encodeURIComponent(id)}/aliases/${encodeURIComponent(spelling)}`,
        { method: 'DELETE' },
      );
      print(unit, options.json);
    });
}
