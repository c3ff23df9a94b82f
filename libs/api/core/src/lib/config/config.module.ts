import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { CLOCK, SYSTEM_CLOCK, WALL_CLOCK, clockStartingAt } from '../clock/clock';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: CLOCK,
          useValue: config.clockStart ? clockStartingAt(config.clockStart) : SYSTEM_CLOCK,
        },
        { provide: WALL_CLOCK, useValue: SYSTEM_CLOCK },
      ],
      exports: [APP_CONFIG, CLOCK, WALL_CLOCK],
    };
  }
}
