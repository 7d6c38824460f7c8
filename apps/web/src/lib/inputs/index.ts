/** The inputs bar, shared by the reader and the editor. */
export { default as InputsBar } from './InputsBar.svelte';
export { default as DateRangePicker } from './DateRangePicker.svelte';
export { DATE_RANGE_PRESETS, overrideOf, parseRangeOverride, presetRange } from './presets.ts';
