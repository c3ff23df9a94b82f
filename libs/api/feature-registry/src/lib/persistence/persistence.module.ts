import { Module } from '@nestjs/common';
import { INDICATOR_CATALOGUE } from '@efficacy/indicator-model';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';
import { FigureRepository } from './figure.repository';
import { RegistryRepository } from './registry.repository';
import { TargetRepository } from './target.repository';

/** The scoped repositories and the shipped indicator catalogue, shared by every resource here. */
@Module({
  providers: [
    RegistryRepository,
    TargetRepository,
    FigureRepository,
    { provide: INDICATOR_CATALOGUE_TOKEN, useValue: INDICATOR_CATALOGUE },
  ],
  exports: [RegistryRepository, TargetRepository, FigureRepository, INDICATOR_CATALOGUE_TOKEN],
})
export class RegistryPersistenceModule {}
