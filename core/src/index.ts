export { BatonError } from './errors.ts';
