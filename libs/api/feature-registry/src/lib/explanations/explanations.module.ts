import { Module } from '@nestjs/common';
import { AssessmentContextModule } from '../assessment-context/assessment-context.module';
import { ExplanationsController } from './explanations.controller';
import { ExplanationsService } from './explanations.service';

@Module({
  imports: [AssessmentContextModule],
  controllers: [ExplanationsController],
  providers: [ExplanationsService],
})
export class ExplanationsModule {}
