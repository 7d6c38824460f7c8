export { NotebookRunner, InputError, type RunOptions, type RunnerOptions } from './runner.ts';
export type * from './types.ts';
