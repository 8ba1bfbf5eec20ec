// Writes sdk/contracts/plugin-manifest.schema.json, the JSON Schema of plugin.json, from the zod schema
// the host's loader validates with (sdk/contracts/plugin-manifest.ts, loaded from source through Node's
// type stripping). `--check` exits 1 when the committed file is stale; sdk/contracts/plugin-manifest.spec.ts
// fails then too.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as prettier from 'prettier';
import { pluginManifestJsonSchema } from '../sdk/contracts/plugin-manifest.ts';

const OUT = 'sdk/contracts/plugin-manifest.schema.json';
const config = (await prettier.resolveConfig(OUT)) ?? {};
const text = await prettier.format(JSON.stringify(pluginManifestJsonSchema()), { ...config, filepath: OUT });
const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : null;
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${OUT} is stale: run node scripts/gen-manifest-schema.mjs`);
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
