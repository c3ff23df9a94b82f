import { Command, CommanderError } from 'commander';
import { registerAssess } from './commands/assess';
import { registerAudit } from './commands/audit';
import { registerBulletin } from './commands/bulletin';
import { registerCalendar } from './commands/calendar';
import { registerCases } from './commands/cases';
import { registerDeadline } from './commands/deadline';
import { registerImport } from './commands/import';
import { registerIndicators } from './commands/indicators';
import { registerLogin } from './commands/login';
import { registerPreview } from './commands/preview';
import { registerRegions } from './commands/regions';
import { registerTasks } from './commands/tasks';
import { registerUnits } from './commands/units';
import { CliError } from './lib/errors';
import { readSettings } from './lib/settings';

/**
 * `npm run efficacy -- <command>`: the command line for automation and regional
 * IT. It talks to the API only, never to the database; `preview` needs neither.
 */
export function buildProgram(settings = readSettings()): Command {
  const program = new Command('efficacy')
    .description('Efficacy command line: talks to the Efficacy API at EFFICACY_API_URL')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerLogin(program, settings);
  registerPreview(program);
  registerImport(program, settings);
  registerIndicators(program, settings);
  registerAssess(program, settings);
  registerAudit(program, settings);
  registerBulletin(program, settings);
  registerDeadline(program);
  registerCalendar(program, settings);
  registerCases(program, settings);
  registerTasks(program, settings);
  registerRegions(program, settings);
  registerUnits(program, settings);
  return program;
}

/** Runs one command line; returns the exit code (exported for the specs). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      console.error(`efficacy: ${error.message}`);
      return error.exitCode;
    }
    console.error('efficacy: unexpected error:', error);
    return 1;
  }
}

if (require.main === module) {
  // exitCode, never process.exit(): into a pipe, stdout is written asynchronously, and exiting
  // at once cut `--json | jq` off after the first 128 KiB. Node exits when the output is out.
  void runCli(process.argv).then((code) => {
    process.exitCode = code;
  });
}
