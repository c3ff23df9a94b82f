import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { CLOCK, SYSTEM_CLOCK } from '../clock/clock';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: SYSTEM_CLOCK },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
