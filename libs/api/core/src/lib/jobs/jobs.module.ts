import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The PostgreSQL-backed job queue, one per API process. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
