// The API's response shapes are the shared contract the console and the CLI read.
export type { TargetView, SetTargetResult } from '@efficacy/api-contract';
