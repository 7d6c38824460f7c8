/** `pnpm bench [name-filter]`: runs every benchmark and prints a table of ratios. */
import { meets, type Benchmark, type BenchResult } from './harness.ts';

const modules: Array<() => Promise<{ benchmarks: Benchmark[] }>> = [
  () => import('./ingest.ts'),
  () => import('./demo.ts'),
  () => import('./notebook.ts'),
  () => import('./sync.ts'),
  () => import('./reader.ts'),
  () => import('./anomalies.ts'),
];

const filter = process.argv[2];
const results: BenchResult[] = [];
for (const load of modules) {
  for (const benchmark of (await load()).benchmarks) {
    if (filter && !benchmark.name.includes(filter)) continue;
    process.stdout.write(`running ${benchmark.name}...\n`);
    for (const result of await benchmark.run()) {
      results.push(result);
      print(result);
    }
  }
}
const failed = results.filter((result) => !meets(result));
console.log(
  `\n${results.length - failed.length} of ${results.length} benchmarks meet their target`,
);

function print(result: BenchResult): void {
  const fmt = (m: BenchResult['baseline']) =>
    `${m.label}: ${m.ms.toFixed(0)} ms${m.perSecond ? ` (${Math.round(m.perSecond).toLocaleString('en')}/s)` : ''}${m.bytes !== undefined ? ` (${(m.bytes / 1024).toFixed(1)} KB)` : ''}`;
  const { atLeast, atMost } = result.target;
  const target =
    atLeast !== undefined
      ? `target >= ${atLeast}`
      : atMost !== undefined
        ? `target <= ${atMost}`
        : 'no target';
  const verdict = meets(result) ? 'OK' : 'MISSED';
  const lines = [
    `  ${result.name}`,
    `    ${fmt(result.subject)}`,
    `    ${fmt(result.baseline)}`,
    `    ${result.ratioLabel}: ${result.ratio.toFixed(3)} (${target})${result.limit ? '' : ` ${verdict}`}`,
  ];
  if (result.limit) {
    const { label, value, unit, atMost: limit } = result.limit;
    lines.push(
      `    ${label}: ${value.toFixed(unit === 'ms' ? 0 : 1)} ${unit} (target <= ${limit} ${unit}) ${verdict}`,
    );
  }
  console.log(lines.join('\n'));
}
