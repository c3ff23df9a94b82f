import { Module } from '@nestjs/common';
import { AssessmentContextModule } from '@efficacy/api/feature-registry';
import { BulletinsController } from './bulletins.controller';
import { BulletinsRepository } from './bulletins.repository';
import { BulletinsService } from './bulletins.service';

/** Bulletins (通报): compose, preview, draft, publish (frozen), errata, downloads, templates. */
@Module({
  imports: [AssessmentContextModule],
  controllers: [BulletinsController],
  providers: [BulletinsRepository, BulletinsService],
})
export class BulletinsModule {}
