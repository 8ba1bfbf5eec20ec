import semver from 'semver';
import { PluginManifestSchema, type PluginManifest } from '../../../sdk/contracts/plugin-manifest.js';

export type ParsedManifest = { ok: true; manifest: PluginManifest } | { ok: false; reason: string };

/**
 * Validates a parsed plugin.json with the SDK's schema (docs/plugin-development.md "plugin.json") and
 * names the first bad field in Chinese.
 */
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
  const manifest: PluginManifest = parsed.data;
  if (!semver.satisfies(engineVersion, manifest.engine)) {
    return {
      ok: false,
      reason: `插件要求主程序版本 ${manifest.engine}，当前主程序版本为 ${engineVersion}，无法加载。`,
    };
  }
  return { ok: true, manifest };
}
