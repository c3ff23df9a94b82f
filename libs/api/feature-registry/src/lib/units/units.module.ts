import { Module } from '@nestjs/common';
import { RegistryPersistenceModule } from '../persistence/persistence.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [RegistryPersistenceModule],
  controllers: [UnitsController],
  providers: [UnitsService],
})
export class UnitsModule {}
