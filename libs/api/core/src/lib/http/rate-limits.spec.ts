import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { configureApp } from './configure-app';
import { RateLimitGuard } from './rate-limit.guard';
import { DEFAULT_RATE_LIMITS, parseRateLimits, rateLimitClass } from './rate-limits';

describe('rate-limit classes', () => {
  it('limits parsing uploads, producing files and rendering, and the public sign-in endpoint', () => {
    expect(rateLimitClass('POST', '/api/imports')).toBe('import');
    expect(rateLimitClass('POST', '/api/imports/preview')).toBe('import');
    expect(rateLimitClass('POST', '/api/cases/imports')).toBe('import');
    expect(rateLimitClass('POST', '/api/assessments/exports')).toBe('export');
    expect(rateLimitClass('GET', '/api/imports/12/file')).toBe('export');
    expect(rateLimitClass('GET', '/api/bulletins/3/files/pdf')).toBe('export');
    expect(rateLimitClass('POST', '/api/bulletins/preview')).toBe('render');
    expect(rateLimitClass('POST', '/api/bulletins/preview/files/docx')).toBe('render');
    expect(rateLimitClass('GET', '/api/auth/config')).toBe('sign-in');
  });

  it('leaves ordinary reads and writes alone', () => {
    expect(rateLimitClass('GET', '/api/imports')).toBeNull();
    expect(rateLimitClass('GET', '/api/assessments')).toBeNull();
    expect(rateLimitClass('POST', '/api/imports/12/rollback')).toBeNull();
    expect(rateLimitClass('POST', '/api/tasks')).toBeNull();
  });

  it('reads RATE_LIMITS, keeping the defaults of the classes it does not name', () => {
    expect(parseRateLimits(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits('import=5, render=2')).toEqual({
      ...DEFAULT_RATE_LIMITS,
      import: 5,
      render: 2,
    });
    expect(() => parseRateLimits('uploads=5')).toThrow(/"uploads" is not a rate-limit class/);
    expect(() => parseRateLimits('import:5')).toThrow(
      /"import:5" is not class=requests-per-minute/,
    );
  });

  it('names a bad RATE_LIMITS in the configuration error', () => {
    expect(() => loadConfig({ ...env, RATE_LIMITS: 'import=0' })).toThrow(
      /RATE_LIMITS: import: at least 1 request per minute/,
    );
  });
});

const env = {
  DATABASE_URL: 'postgres://efficacy:secret@127.0.0.1:54329/efficacy',
  KEYCLOAK_URL: 'http://localhost:8180/',
};

@Controller()
class StandInController {
  @Post('imports/preview')
  preview() {
    return { ok: true };
  }
  @Get('imports')
  list() {
    return [];
  }
}

/** Stands in for the authentication guard: the user comes from a test header. */
class HeaderUserGuard {
  canActivate(context: { switchToHttp(): { getRequest(): Record<string, unknown> } }) {
    const req = context.switchToHttp().getRequest() as {
      headers: Record<string, string>;
      principal?: unknown;
    };
    if (req.headers['x-test-user']) req.principal = { subject: req.headers['x-test-user'] };
    return true;
  }
}

async function appWith(extra: Record<string, string>): Promise<INestApplication> {
  const config = loadConfig({ ...env, ...extra });
  @Module({
    controllers: [StandInController],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      ThrottlerStorageService,
      { provide: APP_GUARD, useClass: HeaderUserGuard },
      { provide: APP_GUARD, useClass: RateLimitGuard },
    ],
  })
  class StandInModule {}
  const moduleRef = await Test.createTestingModule({ imports: [StandInModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  return app;
}

function call(app: INestApplication, method: string, path: string, user?: string) {
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: user ? { 'x-test-user': user } : {},
  });
}

describe('RateLimitGuard over HTTP', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('answers 429 with Retry-After once a user passes the limit, and counts each user apart', async () => {
    app = await appWith({ RATE_LIMITS: 'import=3' });
    for (let i = 0; i < 3; i++)
      expect((await call(app, 'POST', '/api/imports/preview', 'a')).status).toBe(201);
    const refused = await call(app, 'POST', '/api/imports/preview', 'a');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /too many import requests: at most 3 a minute/,
    );
    // another user is not held up by the first one's uploads
    expect((await call(app, 'POST', '/api/imports/preview', 'b')).status).toBe(201);
    // reads are not limited
    for (let i = 0; i < 5; i++)
      expect((await call(app, 'GET', '/api/imports', 'a')).status).toBe(200);
  });
});

describe('security headers', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('sends helmet headers, no X-Powered-By, and an uncacheable API response', async () => {
    app = await appWith({});
    const res = await call(app, 'GET', '/api/imports');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves /api/docs unless production turns it off, and API_DOCS=true turns it back on', async () => {
    app = await appWith({});
    expect((await call(app, 'GET', '/api/docs-json')).status).toBe(200);
    await app.close();
    app = await appWith({ NODE_ENV: 'production' });
    expect((await call(app, 'GET', '/api/docs-json')).status).toBe(404);
    await app.close();
    app = await appWith({ NODE_ENV: 'production', API_DOCS: 'true' });
    expect((await call(app, 'GET', '/api/docs-json')).status).toBe(200);
  });
});
