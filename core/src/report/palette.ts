/**
 * Chart colours on a light page: Baton's accent, then series colours distinct from it and from
 * each other. The HTML report draws with them and so does the web app's light theme, so a
 * chart looks the same in the editor, the reader and the export. No imports: the browser
 * loads this module alone.
 */
export const ACCENT = '#d9622b';

export const LIGHT_SERIES = [
  '#3366cc',
  '#1f9e89',
  '#8e6bc9',
  '#c23b6e',
  '#3fa7d6',
  '#8a9a2b',
  '#b08b5b',
  '#6b7280',
  '#2f4b7c',
];

/** The category range of a light chart: the accent first. */
export const PALETTE = [ACCENT, ...LIGHT_SERIES];
