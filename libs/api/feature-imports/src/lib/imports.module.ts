import { Module } from '@nestjs/common';
import { AdaptersController } from './adapters.controller';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  controllers: [ImportsController, AdaptersController],
  providers: [ImportsService, ImportsRepository],
  exports: [ImportsService],
})
export class ImportsModule {}
