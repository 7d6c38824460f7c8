export * from './types.ts';
export { ask, type AskOptions } from './ask/index.ts';
