// The API's response shapes are the shared contract the console and the CLI read.
export type { Ranking, RankingRow } from '@efficacy/api-contract';
