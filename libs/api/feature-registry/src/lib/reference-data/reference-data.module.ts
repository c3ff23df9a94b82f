import { Module } from '@nestjs/common';
import { REFERENCE_DATA_TOKEN } from '../tokens';
import { DEMO_REFERENCE_DATA } from './reference-data';
import { ReferenceDataService } from './reference-data.service';

@Module({
  providers: [
    ReferenceDataService,
    { provide: REFERENCE_DATA_TOKEN, useValue: DEMO_REFERENCE_DATA },
  ],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
