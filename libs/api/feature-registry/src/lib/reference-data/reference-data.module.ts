import { Module } from '@nestjs/common';
import { REFERENCE_DATA_TOKEN, REGION_EDITIONS_TOKEN } from '../tokens';
import { DEMO_REFERENCE_DATA } from './reference-data';
import { ReferenceDataService } from './reference-data.service';
import { REGION_EDITIONS } from './region-editions';

@Module({
  providers: [
    ReferenceDataService,
    { provide: REGION_EDITIONS_TOKEN, useValue: REGION_EDITIONS },
    // Loaded only with DEMO_DATA=true (npm start and the tests); see ReferenceDataService.
    { provide: REFERENCE_DATA_TOKEN, useValue: DEMO_REFERENCE_DATA },
  ],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
