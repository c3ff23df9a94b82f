import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../config/app-config';
import { SYSTEM_CLOCK } from '../clock/clock';
import { TokenRejected, TokenVerifier } from './token-verifier';

// The verifier alone, against a key set served from this test: the integration and e2e
// suites check it with real Keycloak tokens; what Keycloak never issues (a token without
// expiry) or cannot do while it is down is checked here.

function verifierFor(keycloakUrl: string): TokenVerifier {
  const config = loadConfig({
    DATABASE_URL: 'postgres://efficacy:secret@127.0.0.1:54329/efficacy',
    KEYCLOAK_URL: keycloakUrl,
  });
  return new TokenVerifier(config, SYSTEM_CLOCK);
}

async function rejection(promise: Promise<unknown>): Promise<TokenRejected> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejected) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('TokenVerifier', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('refuses a correctly signed token that has no expiry', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = await new SignJWT({ azp: 'efficacy-api', preferred_username: 'x' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(`${url}/realms/efficacy`)
      .setSubject('x')
      .setIssuedAt()
      .sign(privateKey);

    const refused = await rejection(verifierFor(url).verify(token));
    expect(refused.status).toBe(401);
    expect(refused.message).toBe(
      'access token has no expiry ("exp"): a token that never expires is refused',
    );
  });

  it('answers 503 with one sentence when Keycloak cannot be reached', async () => {
    // a port that was just free: nothing listens on it
    server = createServer();
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((ok) => server!.close(() => ok()));
    server = undefined;
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', exp: 4102444800 })).toString('base64url');

    const refused = await rejection(
      verifierFor(`http://127.0.0.1:${port}`).verify(`${header}.${body}.c2ln`),
    );
    expect(refused.status).toBe(503);
    expect(refused.message).toBe(
      `Keycloak at http://127.0.0.1:${port} cannot be reached to check the access token; try again in a minute, or ask the operator to check Keycloak`,
    );
  });
});
