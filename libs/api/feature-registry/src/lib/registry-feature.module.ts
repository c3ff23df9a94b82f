import { Module } from '@nestjs/common';
import { AssessmentsModule } from './assessments/assessments.module';
import { ExplanationsModule } from './explanations/explanations.module';
import { HeadlinesModule } from './headlines/headlines.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { RankingsModule } from './rankings/rankings.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { RegionsModule } from './regions/regions.module';
import { SignalsModule } from './signals/signals.module';
import { TargetsModule } from './targets/targets.module';
import { UnitsModule } from './units/units.module';

/**
 * The shared indicator model over HTTP: the catalogue, regions and units with aliases,
 * targets, and the engine's assessments, rankings, signals and explanations, every read and
 * write limited to the caller's data scope in the query layer. Loads the reference data into
 * an empty registry on start.
 */
@Module({
  imports: [
    ReferenceDataModule,
    IndicatorsModule,
    RegionsModule,
    UnitsModule,
    TargetsModule,
    AssessmentsModule,
    RankingsModule,
    SignalsModule,
    ExplanationsModule,
    HeadlinesModule,
  ],
})
export class RegistryFeatureModule {}
