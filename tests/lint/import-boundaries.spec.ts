import { join } from 'node:path';
import { ESLint } from 'eslint';
import { appRoot } from '../../host/runtime/core/app-info.js';

/** Lints one line of source as if it were the file at `path` (relative to the repository) with the repo's config. */
async function messagesFor(path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: appRoot() });
  const [result] = await eslint.lintText(source, { filePath: join(appRoot(), path) });
  return (result?.messages ?? [])
    .filter(
      (message) => message.ruleId === 'boundaries/imports' || message.ruleId === 'no-restricted-imports',
    )
    .map((message) => message.message);
}

describe('ESLint import boundaries (eslint.config.js)', () => {
  it('refuses a plugin importing another plugin, however the path is written', async () => {
    for (const [file, source] of [
      [
        'plugins/live-list/main/index.ts',
        "import { x } from '../../live-detail/main/index.js';\nexport { x };\n",
      ],
      [
        'plugins/live-list/ui/pages/a/b.ts',
        "export * from '../../../../settings/ui/plugins/plugins-page.js';\n",
      ],
      [
        'plugins/live-list/main/index.ts',
        "export const m = () => import('../../checkin-import/main/index.js');\n",
      ],
    ] as const) {
      expect((await messagesFor(file, source)).join(' '))
        .withContext(source)
        .toContain('must not import plugin');
    }
  });

  it('refuses sdk importing host code and plugins importing host code', async () => {
    expect(
      (
        await messagesFor(
          'sdk/main/x.ts',
          "import { KNEX } from '../../host/runtime/core/tokens.js';\nexport { KNEX };\n",
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      (
        await messagesFor(
          'plugins/notes-like/main/index.ts',
          "import { KNEX } from '../../../host/runtime/core/tokens.js';\nexport { KNEX };\n",
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('allows a plugin its own files and sdk/', async () => {
    expect(
      await messagesFor(
        'plugins/live-list/main/index.ts',
        "import { a } from './own.js';\nimport { b } from '../ui/shared.js';\nimport { c } from '../../../sdk/main/define-plugin.js';\nexport { a, b, c };\n",
      ),
    ).toEqual([]);
  });
});
