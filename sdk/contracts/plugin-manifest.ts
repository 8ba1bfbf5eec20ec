// `plugins/<id>/plugin.json` (docs/plugin-development.md "plugin.json"): one zod schema that the host's
// loader validates with, that scripts/gen-ui-registry.mjs validates with, and from which
// plugin-manifest.schema.json (the JSON Schema a manifest's `$schema` names) is generated
// (`node scripts/gen-manifest-schema.mjs`; a spec fails when it is stale). Only packages and type-only
// imports here: scripts load this file from source with Node's type stripping.
import semver from 'semver';
import { z } from 'zod';
import type { AccountTier } from './tiers.js';

/** Namespaces the host keeps for itself; no plugin may take one as its id. */
export const HOST_NAMESPACES = [
  'host',
  'auth',
  'corps',
  'users',
  'trustedIps',
  'audit',
  'plugins',
  'config',
  'jobs',
  'files',
  'reports',
  'lives',
  // Host event namespaces (`job.*`, `wecom.*`): a plugin's events are `<id>.*`, so no id may be one.
  'job',
  'wecom',
] as const;

const ACCOUNT_TIERS = ['user', 'wecom-admin', 'root-admin'] as const satisfies readonly AccountTier[];

/** The manifest's schema. Unknown keys are refused: a typo should not pass. */
export const PluginManifestSchema = z
  .strictObject({
    /** The JSON Schema an editor validates the file with; ignored by the host. */
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,40}$/, '插件 id 只能包含小写字母、数字和连字符，并以字母开头')
      .refine(
        (id) => !(HOST_NAMESPACES as readonly string[]).includes(id),
        '插件 id 不能使用主程序保留的名称',
      )
      .meta({ not: { enum: [...HOST_NAMESPACES] } }),
    version: z.string().refine((value) => semver.valid(value) !== null, '版本号应符合 semver，例如 1.0.0'),
    engine: z
      .string()
      .refine((value) => semver.validRange(value) !== null, 'engine 应为 semver 范围，例如 ^1.0.0')
      .meta({ description: 'A semver range the host engine version must satisfy, e.g. ^1.0.0.' }),
    kind: z.enum(['feature', 'report']),
    core: z.boolean().default(false),
    title: z.string().min(1).max(40),
    icon: z.string().min(1).max(40),
    order: z.number().int(),
    route: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'route 应为小写路径，例如 lives'),
    tiers: z.array(z.enum(ACCOUNT_TIERS)).min(1),
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
  })
  .meta({
    title: 'WeCom Live plugin.json',
    if: { properties: { kind: { const: 'feature' } } },
    then: { required: ['main'] },
  });

/** A validated `plugin.json`. */
export interface PluginManifest {
  $schema?: string;
  id: string;
  version: string;
  /** A semver range the host's engine version must satisfy. */
  engine: string;
  kind: 'feature' | 'report';
  core: boolean;
  title: string;
  icon: string;
  order: number;
  route: string;
  tiers: AccountTier[];
  requiresCorp: boolean;
  /** The main-side entry, relative to the plugin folder (compiled JavaScript). */
  main?: string;
  description?: string;
}

// The interface and the schema agree (a compile error here when one changes without the other).
export const manifestTypesAgree: [PluginManifest, z.output<typeof PluginManifestSchema>] extends [
  z.output<typeof PluginManifestSchema>,
  PluginManifest,
]
  ? true
  : never = true;

/** The JSON Schema of plugin.json, as committed in sdk/contracts/plugin-manifest.schema.json. */
export function pluginManifestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PluginManifestSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
