/**
 * `@baton/core/testing`: the connector conformance suite every plugin runs from its own tests
 * (one contract suite, every implementation), and the helpers to build a test context.
 *
 * @example
 * // plugins/acme-ads/test/conformance.test.ts
 * import { runConnectorConformance } from '@baton/core/testing';
 * import acme from '../src/index.ts';
 *
 * runConnectorConformance(acme, {
 *   config: { apiKey: 'good', baseUrl: fake.url },
 *   badConfig: { apiKey: 'revoked', baseUrl: fake.url },
 *   window: { start: '2026-03-01', end: '2026-03-14' },
 * });
 */
export { createImportFiles, openImportFiles, type OpenedImportFiles } from './files.ts';
export {
  openConformanceWorkspace,
  withContextExtras,
  type ConformanceWorkspace,
  type ConformanceWorkspaceOptions,
  type HostContextExtras,
} from './host.ts';
export * from './context.ts';
export { collectRead, type ReadOutcome } from './read.ts';
export { isoDate, valueFitsType } from './values.ts';
export { runConnectorConformance, type ConformanceOptions, type Lazy } from './conformance.ts';
