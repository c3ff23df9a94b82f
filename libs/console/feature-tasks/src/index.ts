export * from './lib/tasks.routes';
export * from './lib/tasks-api';
export * from './lib/task-prefill';
