import { AuditLog1763798400000 } from './1763798400000-audit-log';
import { RegistryTargetsImports1763800000000 } from './1763800000000-registry-targets-imports';
import { Tasks1763900000000 } from './1763900000000-tasks';
import { Bulletins1763910000000 } from './1763910000000-bulletins';
import { CaseRecords1763920000000 } from './1763920000000-case-records';
import { HeadlineIndicators1763930000000 } from './1763930000000-headline-indicators';
import { CaseRecordCountyPartitions1763940000000 } from './1763940000000-case-record-county-partitions';
import { CaseImportUnmatchedUnits1763950000000 } from './1763950000000-case-import-unmatched-units';
import { ReminderPolicyPerRegion1763960000000 } from './1763960000000-reminder-policy-per-region';
import { CalendarNotices1763970000000 } from './1763970000000-calendar-notices';
import { RegionEditions1764100000001 } from './1764100000001-region-editions';
import { AuditHashVersion1764200000000 } from './1764200000000-audit-hash-version';

/**
 * Every migration, in order. Listed as classes rather than a glob so that they
 * survive bundling of the API; never edit one that has landed, add a new one.
 */
export const MIGRATIONS = [
  AuditLog1763798400000,
  RegistryTargetsImports1763800000000,
  Tasks1763900000000,
  Bulletins1763910000000,
  CaseRecords1763920000000,
  HeadlineIndicators1763930000000,
  CaseRecordCountyPartitions1763940000000,
  CaseImportUnmatchedUnits1763950000000,
  ReminderPolicyPerRegion1763960000000,
  CalendarNotices1763970000000,
  RegionEditions1764100000001,
  AuditHashVersion1764200000000,
];
