import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * One definition of the database connection, shared by the API and the
 * migration command. The schema only ever changes through migrations.
 */
export function dataSourceOptions(
  databaseUrl: string,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    entities,
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'efficacy-api' },
  };
}
