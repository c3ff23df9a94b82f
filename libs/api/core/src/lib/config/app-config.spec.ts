import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://efficacy:secret@127.0.0.1:54329/efficacy',
  KEYCLOAK_URL: 'http://localhost:8180/',
};

describe('loadConfig', () => {
  it('derives the issuer and JWKS address from the Keycloak URL and realm', () => {
    const config = loadConfig(base);
    expect(config.keycloak.issuer).toBe('http://localhost:8180/realms/efficacy');
    expect(config.keycloak.jwksUri).toBe(
      'http://localhost:8180/realms/efficacy/protocol/openid-connect/certs',
    );
    expect(config.port).toBe(3000);
    expect(config.migrateOnBoot).toBe(true);
  });

  it('fails fast naming the missing database URL', () => {
    expect(() => loadConfig({ KEYCLOAK_URL: base.KEYCLOAK_URL })).toThrow(ConfigError);
    expect(() => loadConfig({ KEYCLOAK_URL: base.KEYCLOAK_URL })).toThrow(
      /DATABASE_URL is required/,
    );
  });

  it('refuses a database URL of another kind', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x@y/z' })).toThrow(
      /DATABASE_URL must start with postgres/,
    );
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ ...base, PORT: '70000' })).toThrow(/PORT/);
  });
});
