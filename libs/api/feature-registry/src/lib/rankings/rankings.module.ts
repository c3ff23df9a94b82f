import { Module } from '@nestjs/common';
import { AssessmentContextModule } from '../assessment-context/assessment-context.module';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  imports: [AssessmentContextModule],
  controllers: [RankingsController],
  providers: [RankingsService],
})
export class RankingsModule {}
