export * from './lib/supervision.routes';
export * from './lib/supervision-model';
