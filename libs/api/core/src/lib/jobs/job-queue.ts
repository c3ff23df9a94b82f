import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { JobInitiator } from '../audit/audit.service';

/** What a feature registers: a queue name, its handler, and optionally a cron schedule. */
export interface JobDefinition<T extends object = object> {
  name: string;
  handler: (data: T, jobId: string) => Promise<void>;
  /** Cron expression (UTC) for recurring jobs, e.g. `0 * * * *`. */
  cron?: string;
  /** Retries before a job is failed for good. */
  retryLimit?: number;
  /** Jobs fetched per poll; one by default so a failure stays with its job. */
  batchSize?: number;
}

export const JOBS_DISABLED = Symbol('JOBS_DISABLED');

/**
 * Sent after a unit's spellings (aliases) change in a county, with `UnitSpellingsChanged`:
 * whatever was matched by name in that county (case records) is matched again. The registry
 * sends it; the features that match names by spelling register a handler.
 */
export const UNIT_SPELLINGS_CHANGED_JOB = 'registry.unit-spellings-changed';

export interface UnitSpellingsChanged {
  /** The county (GB/T 2260) whose units' spellings changed. */
  county: string;
  /** Who changed them: the audit actor of the work that follows. */
  by: JobInitiator;
}

/**
 * The PostgreSQL-backed job queue (pg-boss, schema `pgboss`): jobs survive a restart
 * because they live in the database, never in timers (ADR 0005). Features register
 * their handlers in `onModuleInit`; workers start once the application has booted.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('JobQueue');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Registers a handler; call from a feature's `onModuleInit`. */
  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name))
      throw new Error(`job "${definition.name}" is registered twice`);
    this.definitions.set(definition.name, definition as JobDefinition);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.definitions.size === 0) return;
    const boss = await this.start();
    for (const def of this.definitions.values()) {
      await boss.createQueue(def.name, { name: def.name, retryLimit: def.retryLimit ?? 3 });
      await boss.work<object>(
        def.name,
        { batchSize: def.batchSize ?? 1, pollingIntervalSeconds: 2 },
        async (jobs) => {
          for (const job of jobs) await def.handler(job.data, job.id);
        },
      );
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
    }
  }

  /** Whether a feature handles this job (a message nobody handles is not sent). */
  handles(name: string): boolean {
    return this.definitions.has(name);
  }

  /** Queues a job; `singletonKey` makes repeated sends of the same work a no-op while one waits. */
  async send<T extends object>(
    name: string,
    data: T,
    options: { singletonKey?: string; startAfter?: Date } = {},
  ): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`job "${name}" is not registered`);
    const boss = await this.start();
    return boss.send(name, data, options);
  }

  /** State of one job, for progress pages: created, active, completed, failed, … */
  async state(name: string, id: string): Promise<string | undefined> {
    const boss = await this.start();
    const job = await boss.getJobById(name, id);
    return job?.state;
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.starting = undefined;
    // A bulletin PDF rendering through LibreOffice can take longer than 10 s on a loaded machine.
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  private start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.config.databaseUrl,
        schema: 'pgboss',
        max: 4,
        application_name: 'efficacy-jobs',
      });
      boss.on('error', (error) => this.log.error(`job queue: ${error.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }
}
