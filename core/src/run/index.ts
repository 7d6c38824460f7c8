export {
  NotebookRunner,
  InputError,
  type ResultPageRequest,
  type RunOptions,
  type RunnerOptions,
} from './runner.ts';
export type * from './types.ts';
