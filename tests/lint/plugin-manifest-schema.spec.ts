import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { appRoot } from '../../host/runtime/core/app-info.js';
import { parseManifest } from '../../host/runtime/plugin-host/plugin-manifest-schema.js';
import { pluginManifestJsonSchema } from '../../sdk/contracts/plugin-manifest.js';

const SCHEMA_FILE = 'sdk/contracts/plugin-manifest.schema.json';

describe('the JSON Schema of plugin.json (sdk/contracts/plugin-manifest.schema.json)', () => {
  const root = appRoot();
  const manifestPaths = readdirSync(join(root, 'plugins'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'plugins', entry.name, 'plugin.json')))
    .map((entry) => join(root, 'plugins', entry.name, 'plugin.json'))
    .concat(join(root, 'tests/fixtures/plugins/notes/plugin.json'));

  it('is the one generated from the loader zod schema (else: node scripts/gen-manifest-schema.mjs)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(root, SCHEMA_FILE), 'utf8'));
    expect(committed).withContext(`${SCHEMA_FILE} is stale`).toEqual(pluginManifestJsonSchema());
  });

  it('is named by every built-in manifest, which the loader accepts with its $schema key', () => {
    expect(manifestPaths.length).toBeGreaterThanOrEqual(5);
    for (const path of manifestPaths) {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { $schema?: unknown };
      expect(typeof raw.$schema)
        .withContext(path)
        .toBe('string');
      expect(resolve(dirname(path), String(raw.$schema)))
        .withContext(path)
        .toBe(join(root, SCHEMA_FILE));
      expect(parseManifest(raw, '1.0.0'))
        .withContext(path)
        .toEqual(jasmine.objectContaining({ ok: true }));
    }
  });

  it('still refuses unknown keys and a feature plugin without main', () => {
    const base = {
      id: 'notes-x',
      version: '1.0.0',
      engine: '^1.0.0',
      kind: 'feature',
      title: 'x',
      icon: 'note',
      order: 1,
      route: 'x',
      tiers: ['user'],
      requiresCorp: false,
    };
    expect(parseManifest({ ...base, main: 'main/index.js', mian: 'x' }, '1.0.0').ok).toBeFalse();
    expect(parseManifest(base, '1.0.0')).toEqual({
      ok: false,
      reason: 'plugin.json 无效：main：功能插件必须声明 main',
    });
    expect(parseManifest({ ...base, kind: 'report' }, '1.0.0').ok).toBeTrue();
  });
});
