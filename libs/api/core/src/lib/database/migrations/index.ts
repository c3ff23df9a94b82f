import { AuditLog1763798400000 } from './1763798400000-audit-log';
import { RegistryTargetsImports1763800000000 } from './1763800000000-registry-targets-imports';

/**
 * Every migration, in order. Listed as classes rather than a glob so that they
 * survive bundling of the API; never edit one that has landed, add a new one.
 */
export const MIGRATIONS = [AuditLog1763798400000, RegistryTargetsImports1763800000000];
