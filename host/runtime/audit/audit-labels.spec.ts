import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../core/app-info.js';
import { AUDIT_ACTION_LABELS } from '../../../sdk/contracts/audit-actions.js';

/** Every .ts file under a folder, specs and test doubles left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes(`${join('electron', 'testing')}`));
}

describe('audit action labels', () => {
  it('name every action the host records, so the page and the export never show a raw id', () => {
    const recorded = new Set<string>();
    for (const file of sources(join(appRoot(), 'host'))) {
      const text = readFileSync(file, 'utf8');
      // `audit.record({ action: '…' })` and ConfigChannels' `this.change(call, '…', …)`.
      for (const match of text.matchAll(
        /action: '([a-zA-Z]+\.[a-zA-Z]+)'|this\.change\(call, '([a-zA-Z.]+)'/g,
      )) {
        recorded.add(match[1] ?? match[2] ?? '');
      }
    }
    // Plugins' `ctx.audit.record(by, { action: '…' })`, namespaced `<pluginId>.<action>` by the host.
    for (const plugin of readdirSync(join(appRoot(), 'plugins'))) {
      const main = join(appRoot(), 'plugins', plugin, 'main');
      for (const file of sources(main)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/audit\.record\([^;]*?action: '([a-zA-Z]+)'/gs)) {
          recorded.add(`${plugin}.${match[1] ?? ''}`);
        }
      }
    }
    expect(recorded.size).toBeGreaterThan(15);
    expect(recorded).toContain('live-list.cancel');
    const unlabelled = [...recorded].filter((action) => AUDIT_ACTION_LABELS[action] === undefined);
    expect(unlabelled).toEqual([]);
  });
});
