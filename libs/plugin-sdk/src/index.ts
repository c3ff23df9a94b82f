// The adapter contract (pure types and functions).
export * from './lib/contract/errors';
export * from './lib/contract/manifest';
export * from './lib/contract/batch';
export * from './lib/contract/adapter';

// Reading files into the grid model.
export * from './lib/grid/grid';
export * from './lib/grid/number-format';
export * from './lib/grid/zip-guard';
export * from './lib/grid/xlsx';
export * from './lib/grid/csv';
export * from './lib/grid/read-grid';

// Text, values, periods.
export * from './lib/text/normalise';
export * from './lib/values/parse-value';
export * from './lib/values/units';
export * from './lib/periods/period';

// Regions of a province, from the official division tables.
export * from './lib/regions/names';
export * from './lib/regions/province-regions';

// Tables: headers, row classification, the table-spec DSL.
export * from './lib/table/header';
export * from './lib/table/rows';
export * from './lib/table/table';
export * from './lib/table/synonyms';
export * from './lib/table/sheet-reads';

// Building, validating and reconciling batches.
export * from './lib/batch/builder';
export * from './lib/batch/validate';

// Checks of printed figures against their parts.
export * from './lib/checks/rate-check';

// Plans: targets, deadlines, responsible units.
export * from './lib/plan/targets';

// Detection.
export * from './lib/detect/detect';
export * from './lib/model/to-dataset';
