import semver from 'semver';
import { z } from 'zod';
import { HOST_NAMESPACES, type PluginManifest } from '../../sdk/contracts/plugin-manifest.js';

/** zod schema of `plugin.json` (docs/plugin-development.md "plugin.json"). Unknown keys are refused: a typo should not pass. */
export const PluginManifestSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,40}$/, '插件 id 只能包含小写字母、数字和连字符，并以字母开头')
      .refine(
        (id) => !(HOST_NAMESPACES as readonly string[]).includes(id),
        '插件 id 不能使用主程序保留的名称',
      ),
    version: z.string().refine((value) => semver.valid(value) !== null, '版本号应符合 semver，例如 1.0.0'),
    engine: z
      .string()
      .refine((value) => semver.validRange(value) !== null, 'engine 应为 semver 范围，例如 ^1.0.0'),
    kind: z.enum(['feature', 'report']),
    core: z.boolean().default(false),
    title: z.string().min(1).max(40),
    icon: z.string().min(1).max(40),
    order: z.number().int(),
    route: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'route 应为小写路径，例如 lives'),
    tiers: z.array(z.enum(['user', 'wecom-admin', 'root-admin'])).min(1),
    requiresCorp: z.boolean(),
    main: z
      .string()
      .regex(/^[\w./-]+\.js$/, 'main 应为插件目录内的 .js 文件')
      .refine((value) => !value.split('/').includes('..'), 'main 不能指向插件目录之外')
      .optional(),
    description: z.string().max(200).optional(),
  })
  .refine((manifest) => manifest.kind === 'report' || manifest.main !== undefined, {
    message: '功能插件必须声明 main',
    path: ['main'],
  });

export type ParsedManifest = { ok: true; manifest: PluginManifest } | { ok: false; reason: string };

/** Validates a parsed plugin.json and names the first bad field in Chinese. */
export function parseManifest(raw: unknown, engineVersion: string): ParsedManifest {
  const parsed = PluginManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    return {
      ok: false,
      reason: `plugin.json 无效：${field === '' ? '' : `${field}：`}${issue?.message ?? ''}`,
    };
  }
  const manifest = parsed.data as PluginManifest;
  if (!semver.satisfies(engineVersion, manifest.engine)) {
    return {
      ok: false,
      reason: `插件要求主程序版本 ${manifest.engine}，当前主程序版本为 ${engineVersion}，无法加载。`,
    };
  }
  return { ok: true, manifest };
}
