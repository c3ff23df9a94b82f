import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type AppConfig } from '@efficacy/api/core';
import { RegistryFeatureModule } from '@efficacy/api/feature-registry';
import { ImportsModule } from '@efficacy/api/feature-imports';
import { TasksModule } from '@efficacy/api/feature-tasks';
import { BulletinsModule } from '@efficacy/api/feature-bulletins';
import { CasesModule } from '@efficacy/api/feature-cases';

/** Wires the feature modules; the features themselves live in libs/api. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        ImportsModule,
        RegistryFeatureModule,
        TasksModule,
        BulletinsModule,
        CasesModule,
      ],
    };
  }
}
