export * from './lib/permissions';
export * from './lib/me';
export * from './lib/assessment';
export * from './lib/registry';
export * from './lib/imports';
export * from './lib/tasks';
export * from './lib/bulletins';
export * from './lib/cases';
