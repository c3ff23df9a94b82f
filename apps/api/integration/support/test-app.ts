import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureApp, loadConfig, type AppConfig } from '@efficacy/api/core';
import { AppModule } from '../../src/app.module';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Providers to replace, e.g. the clock: [[CLOCK, shiftedClock]]. */
  overrides?: Array<[symbol | string | (abstract new (...args: never[]) => unknown), unknown]>;
}

/** The real API module on a free port, against the run's PostgreSQL and Keycloak. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // The port in the config is a placeholder: the test server listens on a free one.
  const config = loadConfig({
    ...process.env,
    PORT: '3999',
    LOG_LEVEL: 'warn',
    // The specs read the seed bulletins' demo units and targets (ADR 0012).
    DEMO_DATA: 'true',
    ...options.env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  for (const [token, value] of options.overrides ?? [])
    builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}/api`,
    close: () => app.close(),
  };
}
