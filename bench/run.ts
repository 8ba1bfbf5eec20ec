// `npm run bench`: every scenario in one run, so figures and ratios compare like with like.
// `npm run bench -- <name>…` runs only the named scenarios (runtime, gateway-sync, product-sync, store-queries, workbooks).
import 'reflect-metadata';
import { benchProductSync } from './product-sync.js';
import { printReport, type BenchSection } from './report.js';
import { benchRuntime } from './runtime-bench.js';
import { benchStoreQueries } from './store-queries.js';
import { benchWecomSync } from './wecom-sync.js';
import { benchWorkbooks } from './workbook-bench.js';

const scenarios: Array<[string, () => Promise<BenchSection | BenchSection[]>]> = [
  ['runtime', benchRuntime],
  ['gateway-sync', benchWecomSync],
  ['product-sync', benchProductSync],
  ['store-queries', benchStoreQueries],
  ['workbooks', benchWorkbooks],
];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scenarios.some(([known]) => known === name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown scenario(s): ${unknown.join(', ')}; known: ${scenarios.map(([n]) => n).join(', ')}\n`,
  );
  process.exit(2);
}
const sections: BenchSection[] = [];
for (const [name, run] of scenarios) {
  if (wanted.length === 0 || wanted.includes(name)) sections.push(...[await run()].flat());
}
printReport(sections);
process.exit(0);
