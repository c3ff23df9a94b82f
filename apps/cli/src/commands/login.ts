import type { Command } from 'commander';
import { writeCredentials, clearCredentials } from '../lib/credentials';
import { discoverAuth, passwordGrant, tokenEndpoint } from '../lib/keycloak';
import { promptHidden } from '../lib/prompt';
import type { CliSettings } from '../lib/settings';
import { apiRequest } from '../lib/session';
import type { MeResponse } from '@efficacy/api-contract';

export function registerLogin(program: Command, settings: CliSettings): void {
  program
    .command('login <username>')
    .description(
      'sign in through Keycloak and store a token (password from EFFICACY_PASSWORD or a prompt)',
    )
    .action(async (username: string) => {
      const auth = await discoverAuth(settings.apiUrl);
      const password = settings.password ?? (await promptHidden(`Password for ${username}: `));
      const endpoint = tokenEndpoint(auth);
      const tokens = await passwordGrant(endpoint, auth.cliClientId, username, password);
      const path = writeCredentials(settings.configDir, {
        apiUrl: settings.apiUrl,
        username,
        tokenEndpoint: endpoint,
        clientId: auth.cliClientId,
        ...tokens,
      });
      const me = await apiRequest<MeResponse>(settings, '/me');
      console.log(
        `Logged in as ${me.username} (${me.roles.join(', ')}); scope: ${describeScope(me)}.`,
      );
      console.log(`Token stored in ${path}.`);
    });

  program
    .command('logout')
    .description('forget the stored token')
    .action(() => {
      clearCredentials(settings.configDir);
      console.log('Logged out.');
    });

  program
    .command('whoami')
    .description('show the logged-in user, roles, permissions and scope as the API sees them')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const me = await apiRequest<MeResponse>(settings, '/me');
      if (options.json) {
        console.log(JSON.stringify(me, null, 2));
        return;
      }
      console.log(`${me.displayName} (${me.username})`);
      console.log(`roles:       ${me.roles.join(', ')}`);
      console.log(`scope:       ${describeScope(me)}`);
      console.log(`permissions: ${me.permissions.join(', ')}`);
    });
}

export function describeScope(me: MeResponse): string {
  const regions = me.scope.regions.map((r) => (r.nameZh ? `${r.nameZh} ${r.code}` : r.code));
  const parts = [regions.join(', ') || 'no region'];
  if (me.scope.units.length) parts.push(`units ${me.scope.units.join(', ')}`);
  return parts.join('; ');
}
