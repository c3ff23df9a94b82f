import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({
  imports: [RegistryPersistenceModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService],
})
export class IndicatorsModule {}
