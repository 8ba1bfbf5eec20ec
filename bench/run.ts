// `npm run bench`: every scenario in one run, so figures and ratios compare like with like.
import 'reflect-metadata';
import { printReport, type BenchSection } from './report.js';
import { benchRuntime } from './runtime-bench.js';

const sections: BenchSection[] = [];
sections.push(await benchRuntime());
printReport(sections);
