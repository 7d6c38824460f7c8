/**
 * The chart builder of the cells' components, picked up once it lands (until then a chart cell
 * shows its YAML only).
 */
import type { Component } from 'svelte';

export interface ChartBuilderProps {
  body: string;
  sources: { name: string; columns: { name: string; type: string }[] }[];
  onchange: (body: string) => void;
}

const found = import.meta.glob('../cells/ChartBuilder.svelte', {
  eager: true,
  import: 'default',
}) as Record<string, Component<ChartBuilderProps> | undefined>;

/** Undefined until it lands: the chart cell then shows its YAML only. */
export const ChartBuilder = found['../cells/ChartBuilder.svelte'];
