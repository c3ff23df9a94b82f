import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

@Module({
  imports: [RegistryPersistenceModule],
  controllers: [TargetsController],
  providers: [TargetsService],
})
export class TargetsModule {}
