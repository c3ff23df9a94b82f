import { Module } from '@nestjs/common';
import { AssessmentContextModule } from '../assessment-context/assessment-context.module';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';

@Module({
  imports: [AssessmentContextModule],
  controllers: [SignalsController],
  providers: [SignalsService],
})
export class SignalsModule {}
