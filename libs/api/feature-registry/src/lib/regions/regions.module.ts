import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [RegistryPersistenceModule],
  controllers: [RegionsController],
  providers: [RegionsService],
})
export class RegionsModule {}
