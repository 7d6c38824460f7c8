/**
 * `@baton/core/ai/recommend`: the recommendation rules engine (its modules are under
 * `recommend/`). A module of its own so the subpath resolves like core's other single modules.
 */
export * from './recommend/index.ts';
