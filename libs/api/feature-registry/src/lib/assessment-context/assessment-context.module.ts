import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { AssessmentContextService } from './assessment-context.service';

@Module({
  imports: [RegistryPersistenceModule],
  providers: [AssessmentContextService],
  exports: [AssessmentContextService, RegistryPersistenceModule],
})
export class AssessmentContextModule {}
