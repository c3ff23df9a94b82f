export * from './lib/adapters.routes';
