/**
 * The KPI macros (marketing-model.md): ratio of sums, NULL on a zero or NULL denominator.
 * They are persistent (stored in the database file), so every notebook computes KPIs the same
 * way. Apply them to sums: `cpa(sum(spend), sum(conversions))`.
 */
import type { ModelWarehouse } from './warehouse.ts';

/** name -> [numerator parameter, denominator parameter, scale]. */
export const KPI_MACROS = {
  ctr: ['clicks', 'impressions', 1],
  cpc: ['spend', 'clicks', 1],
  cpm: ['spend', 'impressions', 1000],
  cpa: ['spend', 'conversions', 1],
  roas: ['conversion_value', 'spend', 1],
  cvr: ['conversions', 'clicks', 1],
} as const satisfies Record<string, readonly [string, string, number]>;

export type KpiMacro = keyof typeof KPI_MACROS;

export function kpiMacroSql(name: KpiMacro): string {
  const [numerator, denominator, scale] = KPI_MACROS[name];
  const scaled =
    scale === 1 ? `CAST(${numerator} AS DOUBLE)` : `CAST(${numerator} AS DOUBLE) * ${scale}`;
  // NULLIF turns a zero denominator into NULL, and anything divided by NULL is NULL.
  return `CREATE OR REPLACE MACRO main.${name}(${numerator}, ${denominator}) AS ${scaled} / NULLIF(CAST(${denominator} AS DOUBLE), 0)`;
}

/** Creates (or replaces) every KPI macro in `main`. */
export async function createKpiMacros(warehouse: Pick<ModelWarehouse, 'execute'>): Promise<void> {
  for (const name of Object.keys(KPI_MACROS) as KpiMacro[])
    await warehouse.execute(kpiMacroSql(name));
}
