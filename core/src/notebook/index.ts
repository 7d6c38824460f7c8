/**
 * Markdown notebooks <-> typed IR: parse, serialize (byte-identical), edit with minimal diffs,
 * validate, read cell specs, bind inputs, find prose value references. See notebook-format.md.
 */
export * from './types.ts';
export { parseNotebook, contentId, type ParseResult } from './parse.ts';
export { serializeNotebook } from './serialize.ts';
export {
  updateCell,
  insertCell,
  removeCell,
  moveCell,
  duplicateCell,
  updateProse,
  insertProse,
  setFrontMatter,
  NotebookEditError,
  type CellChanges,
  type NewCell,
  type CellPosition,
} from './edit.ts';
export { validateNotebook } from './validate.ts';
export {
  parseCellSpec,
  type CellSpecResult,
  type CellSpecs,
  type ChartSpec,
  type CheckSpec,
  type CheckEvent,
  type CheckDirection,
  type CheckSensitivity,
  type RecommendSpec,
  type RecommendGoal,
  type AskSpec,
  type SqlSpec,
} from './specs.ts';
export { resolveInputs, type ParamValue, type ResolvedInputs } from './inputs.ts';
export {
  DATE_RANGE_PRESETS,
  presetRange,
  readDateRange,
  type DateRange,
  type DateRangePreset,
} from './dates.ts';
export {
  findTemplateRefs,
  scanTemplates,
  parseTemplateFormat,
  type TemplateRef,
  type TemplateProblem,
  type TemplateFormat,
} from './template.ts';
export { INPUT_TYPES } from './front-matter.ts';
