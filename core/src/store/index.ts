export { writeFileAtomic } from './atomic.ts';
export * from './workspace.ts';
export * from './notebooks.ts';
