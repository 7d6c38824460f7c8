export {
  buildDemoWorkspace,
  DEMO_SCHEMA,
  type BuildDemoOptions,
  type DemoBuild,
  type DemoProgress,
} from './build.ts';
export { generateDemo, type DemoData, type DemoOptions } from './generate.ts';
export type { PlantedAnomaly } from './truth.ts';
