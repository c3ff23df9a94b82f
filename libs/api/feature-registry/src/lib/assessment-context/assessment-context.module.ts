import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { AssessmentCache } from '../assessment-cache/assessment-cache';
import { AssessmentContextService } from './assessment-context.service';

@Module({
  imports: [RegistryPersistenceModule],
  providers: [AssessmentContextService, AssessmentCache],
  exports: [AssessmentContextService, AssessmentCache, RegistryPersistenceModule],
})
export class AssessmentContextModule {}
