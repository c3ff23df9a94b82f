import { Module } from '@nestjs/common';
import { AssessmentContextModule } from '../assessment-context/assessment-context.module';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({
  imports: [AssessmentContextModule, RegistryPersistenceModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
