export { BatonError } from './errors.ts';
export * from './notebook/index.ts';
