export * from './lib/detail.routes';
