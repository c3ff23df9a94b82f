import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, configureApp, loadConfig } from '@efficacy/api/core';
import { AppModule } from './app.module';

const LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: LEVELS.slice(LEVELS.indexOf(config.logLevel)),
  });
  app.enableShutdownHooks();
  configureApp(app, config);
  await app.listen(config.port, config.host);
  Logger.log(
    `Efficacy API listening on http://${config.host}:${config.port}/api (docs at /api/docs)`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  // One clear sentence for misconfiguration; a stack trace only for the unexpected.
  if (error instanceof ConfigError) console.error(`efficacy-api: ${error.message}`);
  else console.error('efficacy-api failed to start:', error);
  process.exit(1);
});
