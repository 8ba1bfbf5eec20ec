// `npm run bench`: every scenario in one run, so figures and ratios compare like with like.
import 'reflect-metadata';
import { printReport, type BenchSection } from './report.js';
import { benchRuntime } from './runtime-bench.js';
import { benchWecomSync } from './wecom-sync.js';
import { benchWorkbooks } from './workbook-bench.js';

const sections: BenchSection[] = [];
sections.push(await benchRuntime());
sections.push(await benchWecomSync());
sections.push(await benchWorkbooks());
printReport(sections);
process.exit(0);
