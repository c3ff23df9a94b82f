import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthModule } from './auth/auth.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ErrorFilter } from './http/error.filter';
import { RequestIdMiddleware } from './http/request-id.middleware';
import { MeModule } from './me/me.module';
import { AuditModule } from './audit/audit.module';
import { JobsModule } from './jobs/jobs.module';

/** Configuration, database, job queue, authentication, health and the error shape: what every feature stands on. */
@Module({})
export class CoreModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuthModule,
        AuditModule,
        JobsModule,
        HealthModule,
        MeModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }
}
