import { Global, Module } from '@nestjs/common';
import { ScopeService } from '../scope/scope.service';
import { RegistryReader } from '../registry/registry.reader';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Audit trail, data scope and the region registry: every feature module uses them. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, ScopeService, RegistryReader],
  exports: [AuditService, ScopeService, RegistryReader],
})
export class AuditModule {}
