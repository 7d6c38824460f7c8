/** AI cells: questions to SQL (`ask`), recommended actions, and the model providers behind them. */
export * from './types.ts';
export { ask, askBuiltIn, BUILTIN_ENGINE, Catalog, type AskOptions } from './ask/index.ts';
export * from './model/index.ts';
