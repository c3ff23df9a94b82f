export * from './lib/cases.routes';
