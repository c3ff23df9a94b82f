import { loadRuntimeConfig } from './runtime-config';

function fakeFetch(status: number, body: unknown): typeof fetch {
  // jsdom has no Response class; the loader only reads these three members.
  return (async () => ({
    ok: status < 400,
    status,
    json: async () => body,
  })) as unknown as typeof fetch;
}

describe('loadRuntimeConfig', () => {
  const good = {
    apiUrl: 'http://localhost:3000/api',
    keycloakUrl: 'http://localhost:8180',
    realm: 'efficacy',
    clientId: 'efficacy-console',
  };

  it('returns the served configuration', async () => {
    await expect(loadRuntimeConfig(fakeFetch(200, good))).resolves.toEqual(good);
  });

  it('names the missing setting', async () => {
    await expect(loadRuntimeConfig(fakeFetch(200, { ...good, realm: '' }))).rejects.toThrow(
      '/config.json lacks "realm"',
    );
  });

  it('says when the file is not served', async () => {
    await expect(loadRuntimeConfig(fakeFetch(404, {}))).rejects.toThrow('HTTP 404');
  });
});
