import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        // Pending migrations run when the connection opens, before any module queries.
        migrationsRun: config.migrateOnBoot,
        migrationsTransactionMode: 'each',
        autoLoadEntities: true,
        // Fail fast on a database that does not answer instead of retrying for minutes.
        retryAttempts: 1,
        retryDelay: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
