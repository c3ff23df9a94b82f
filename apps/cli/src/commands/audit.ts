import type { Command } from 'commander';
import { CliError } from '../lib/errors';
import type { CliSettings } from '../lib/settings';
import { apiRequest } from '../lib/session';

type Verdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: string; reason: string };

interface AuditEntry {
  id: string;
  occurredAt: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  regionCodes: string[];
}

export function registerAudit(program: Command, settings: CliSettings): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident audit log (needs audit:read)');

  audit
    .command('verify')
    .description('check the hash chain of the whole audit log and name the first broken entry')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const verdict = await apiRequest<Verdict>(settings, '/audit/verify');
      if (options.json) console.log(JSON.stringify(verdict, null, 2));
      if (verdict.ok) {
        if (!options.json)
          console.log(
            `audit log intact: ${verdict.entries} entries, chain ends at ${verdict.lastHash.slice(0, 16)}…`,
          );
        return;
      }
      throw new CliError(
        `audit log broken at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries checked)`,
        3,
      );
    });

  audit
    .command('list')
    .description('recent audit entries in your scope')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const entries = await apiRequest<AuditEntry[]>(
        settings,
        `/audit?limit=${encodeURIComponent(options.limit)}`,
      );
      if (options.json) {
        console.log(JSON.stringify(entries, null, 2));
        return;
      }
      for (const e of entries) {
        console.log(
          `${e.id.padStart(6)}  ${e.occurredAt}  ${e.actor.padEnd(18)} ${e.action.padEnd(18)} ${e.targetType}:${e.targetId ?? '-'}  [${e.regionCodes.join(',')}]`,
        );
      }
    });
}
