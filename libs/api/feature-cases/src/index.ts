export { CasesModule } from './lib/cases.module';
export { CASE_IMPORT_JOB } from './lib/cases.service';
export { ingestCaseFile } from './lib/ingest/ingest-file';
export { copyCases, claimSlots, ensurePartition } from './lib/ingest/case-ingest';
export { recomputeSlots } from './lib/ingest/recompute';
export type { Slot } from './lib/ingest/recompute';
