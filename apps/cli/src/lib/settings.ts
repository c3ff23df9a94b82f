import { homedir } from 'node:os';
import { join } from 'node:path';

/** The command line's environment, read in one place. */
export interface CliSettings {
  apiUrl: string;
  configDir: string;
  password: string | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): CliSettings {
  return {
    apiUrl: (env['EFFICACY_API_URL'] ?? 'http://localhost:3000/api').replace(/\/+$/, ''),
    configDir:
      env['EFFICACY_CONFIG_DIR'] ??
      join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'efficacy'),
    password: env['EFFICACY_PASSWORD'],
  };
}
