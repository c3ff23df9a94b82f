import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { HeadlinesController } from './headlines.controller';
import { HeadlinesService } from './headlines.service';

@Module({
  imports: [RegistryPersistenceModule],
  controllers: [HeadlinesController],
  providers: [HeadlinesService],
})
export class HeadlinesModule {}
