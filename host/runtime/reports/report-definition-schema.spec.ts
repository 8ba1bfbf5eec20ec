import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ReportDefinitionSchema,
  reportDefinitionJsonSchema,
} from '../../../sdk/contracts/report-definition.js';

// dist/host/runtime/reports → the repository's root.
const ROOT = new URL('../../../..', import.meta.url);

describe('report definition schema', () => {
  it('is published as sdk/report-definition.schema.json, up to date', () => {
    const committed = JSON.parse(
      readFileSync(fileURLToPath(new URL('sdk/report-definition.schema.json', ROOT)), 'utf8'),
    ) as unknown;
    expect(committed)
      .withContext('sdk/report-definition.schema.json is stale: run node scripts/gen-report-schema.mjs')
      .toEqual(JSON.parse(JSON.stringify(reportDefinitionJsonSchema())));
  });

  it('accepts the shipped examples and refuses cross-reference mistakes', () => {
    const examples = fileURLToPath(new URL('examples/reports/', ROOT));
    for (const id of readdirSync(examples)) {
      const raw = JSON.parse(readFileSync(`${examples}${id}/report.json`, 'utf8')) as Record<string, unknown>;
      const parsed = ReportDefinitionSchema.safeParse(raw);
      expect(parsed.success)
        .withContext(`${id}: ${parsed.error?.message ?? ''}`)
        .toBeTrue();
      const broken = ReportDefinitionSchema.safeParse({
        ...raw,
        table: { ...(raw['table'] as object), query: 'nope' },
      });
      expect(broken.error?.issues[0]?.path).toEqual(['table', 'query']);
    }
  });
});
