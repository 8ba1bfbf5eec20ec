// `npm run bench`: every scenario in one run, so figures and ratios compare like with like.
import 'reflect-metadata';
import { printReport, type BenchSection } from './report.js';
import { benchRuntime } from './runtime-bench.js';
import { benchStoreQueries } from './store-queries.js';
import { benchWecomSync } from './wecom-sync.js';

const sections: BenchSection[] = [];
sections.push(await benchRuntime());
sections.push(await benchWecomSync());
sections.push(...(await benchStoreQueries()));
printReport(sections);
process.exit(0);
