import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { CLOCK, WALL_CLOCK } from '@efficacy/api/core';
import { startTestApp, type TestApp } from './support/test-app';
import { keycloakUrl, passwordGrant, tokenFor } from './support/tokens';

/** Each kind of bad token is refused with its own status and a body that says why. */
describe('token refusal', () => {
  let t: TestApp;
  const me = async (token: string, app: TestApp = t) => {
    const res = await fetch(`${app.baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: res.status,
      body: await res.json(),
      wwwAuthenticate: res.headers.get('www-authenticate'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts a real token (the baseline for the refusals below)', async () => {
    expect((await me(await tokenFor('jinfeng.admin'))).status).toBe(200);
  });

  it('refuses a token whose payload was altered (signature no longer matches)', async () => {
    const [header, payload, signature] = (await tokenFor('jinfeng.admin')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.efficacy_regions = ['640000'];
    const forged = [
      header,
      Buffer.from(JSON.stringify(claims)).toString('base64url'),
      signature,
    ].join('.');
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/signature is invalid/);
    expect(res.wwwAuthenticate).toMatch(/invalid_token/);
  });

  it('refuses a token signed with a key the realm does not publish, even with the right key id', async () => {
    const real = await tokenFor('jinfeng.admin');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(real))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(real).kid, typ: 'JWT' })
      .sign(privateKey);
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/signature is invalid/);
  });

  it('refuses an expired token', async () => {
    // The token is real; the machine's clock (which token expiry reads) runs ten minutes ahead.
    const later = await startTestApp({
      overrides: [[WALL_CLOCK, { now: () => new Date(Date.now() + 10 * 60_000) }]],
    });
    try {
      const res = await me(await tokenFor('jinfeng.admin'), later);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('access token expired: sign in again');
    } finally {
      await later.close();
    }
  });

  it('accepts a real token when the business clock is years ahead: expiry is read on the machine clock', async () => {
    const later = await startTestApp({
      overrides: [[CLOCK, { now: () => new Date('2031-06-15T09:00:00+08:00') }]],
    });
    try {
      expect((await me(await tokenFor('jinfeng.admin'), later)).status).toBe(200);
    } finally {
      await later.close();
    }
  });

  it('refuses a token it accepted before once the token has expired', async () => {
    // Verified tokens are remembered until they expire; the expiry is still checked every time.
    let offset = 0;
    const app = await startTestApp({
      overrides: [[WALL_CLOCK, { now: () => new Date(Date.now() + offset) }]],
    });
    try {
      const token = await tokenFor('jinfeng.admin');
      expect((await me(token, app)).status).toBe(200);
      offset = 10 * 60_000;
      const res = await me(token, app);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('access token expired: sign in again');
    } finally {
      await app.close();
    }
  });

  it('refuses a token from another issuer', async () => {
    // Same Keycloak and keys, reached under another name: the token's issuer is not the expected one.
    const other = await startTestApp({
      env: { KEYCLOAK_URL: keycloakUrl().replace('127.0.0.1', 'localhost') },
    });
    try {
      const res = await me(await tokenFor('jinfeng.admin'), other);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(
        /issued by another server: expected issuer http:\/\/localhost/,
      );
    } finally {
      await other.close();
    }
  });

  it('refuses a token meant for another audience', async () => {
    // admin-cli is a client of the same realm that does not add the efficacy-api audience.
    const grant = await passwordGrant('jinfeng.admin', undefined, 'admin-cli');
    expect(grant.status).toBe(200);
    const res = await me(grant.body['access_token'] as string);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(
      /not meant for this API: audience must include "efficacy-api"/,
    );
  });

  it('refuses a valid token of a user with no Efficacy role with 403', async () => {
    const res = await me(await tokenFor('norole.user'));
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/no Efficacy role/);
  });

  it('gives a disabled user no token at all', async () => {
    const grant = await passwordGrant('disabled.user');
    expect(grant.status).toBe(400);
    expect(grant.body['error_description']).toMatch(/disabled/i);
  });

  it('refuses garbage and a wrong scheme with a clear sentence', async () => {
    expect((await me('not-a-jwt')).body.message).toBe('access token is malformed');
    const res = await fetch(`${t.baseUrl}/me`, { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/expected "Bearer <token>"/);
  });
});
