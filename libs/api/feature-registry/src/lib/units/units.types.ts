// The API's response shapes are the shared contract the console and the CLI read.
export type { UnitDetail } from '@efficacy/api-contract';
