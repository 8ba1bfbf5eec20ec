// The `corps.*` channels (host/runtime/accounts/corp-channels.ts) and the rules of a corp app's fields
// as a zod schema (the plain rules: sdk/contracts/corp-app.ts), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import {
  AGENTID_MAX,
  CORP_FIELD_MESSAGES,
  CORPID_PATTERN,
  CORPNAME_MAX_LENGTH,
  CORPSECRET_PATTERN,
} from './corp-app.js';

/** The fields of a corp app as people type them, with Chinese messages. */
export const CorpFieldsSchema = z.object({
  corpname: z.string().trim().min(1, '请填写企业名称').max(CORPNAME_MAX_LENGTH, CORP_FIELD_MESSAGES.corpname),
  corpid: z.string().trim().regex(CORPID_PATTERN, CORP_FIELD_MESSAGES.corpid),
  corpsecret: z.string().trim().regex(CORPSECRET_PATTERN, CORP_FIELD_MESSAGES.corpsecret),
  agentid: z.coerce
    .number({ error: CORP_FIELD_MESSAGES.agentid })
    .int(CORP_FIELD_MESSAGES.agentid)
    .positive(CORP_FIELD_MESSAGES.agentid)
    .max(AGENTID_MAX, CORP_FIELD_MESSAGES.agentid),
});
export type CorpFields = z.infer<typeof CorpFieldsSchema>;

/** A corp as every answer shows it: the secret only masked. */
export interface CorpView {
  corpId: string;
  corpname: string;
  corpid: string;
  agentid: number;
  appName: string;
  secretMasked: string;
}

/** `corps.save`: a new corp, or a saved one (`corpId`) edited; without a secret the saved one stays. */
export const CorpSaveSchema = CorpFieldsSchema.extend({
  corpId: z.string().optional(),
  corpsecret: CorpFieldsSchema.shape.corpsecret.optional(),
});
export type CorpSaveInput = z.input<typeof CorpSaveSchema>;

const ByCorp = z.object({ corpId: z.string().min(1) });

/** Public: the login page offers saved corps by name (R2.3); secrets are only ever masked. */
export const CORPS_LIST = defineChannel({
  name: 'corps.list',
  input: z.object({}),
  output: returns<CorpView[]>(),
  minTier: 'public',
});

/** Saves a corp app after checking it with WeCom (gettoken + agent/get); a WeCom admin only their own. */
export const CORPS_SAVE = defineChannel({
  name: 'corps.save',
  input: CorpSaveSchema,
  output: returns<CorpView>(),
  minTier: 'wecom-admin',
});

/** Checks a saved corp's app with WeCom now and keeps the app's name. */
export const CORPS_CHECK = defineChannel({
  name: 'corps.check',
  input: ByCorp,
  output: returns<{ ok: boolean; appName: string }>(),
  minTier: 'wecom-admin',
});

/** Deletes a corp with its accounts (root-admin). */
export const CORPS_DELETE = defineChannel({
  name: 'corps.delete',
  input: ByCorp,
  output: returns<Record<string, never>>(),
  minTier: 'root-admin',
});
