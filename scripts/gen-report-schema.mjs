// Writes sdk/report-definition.schema.json from the zod schema of report.json
// (sdk/contracts/report-definition.ts, compiled to dist/ first: `npx tsc -p tsconfig.build.json`).
// `--check` exits 1 when the committed file is stale (a spec checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const OUT = 'sdk/report-definition.schema.json';
const { reportDefinitionJsonSchema } = await import('../dist/sdk/contracts/report-definition.js');
const config = (await prettier.resolveConfig(OUT)) ?? {};
const text = await prettier.format(JSON.stringify(reportDefinitionJsonSchema()), {
  ...config,
  filepath: OUT,
});
let current = null;
try {
  current = readFileSync(OUT, 'utf8');
} catch {
  // Not written yet.
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${OUT} is stale: run node scripts/gen-report-schema.mjs`);
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
