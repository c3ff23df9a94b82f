export * from './lib/case-counts';
export * from './lib/case-summary';
export * from './lib/case-indicators';
export * from './lib/case-export-format';
export * from './lib/generator';
