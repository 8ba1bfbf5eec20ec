// The `users.*` channels (host/runtime/accounts/user-channels.ts): root-admin's accounts of every corp,
// declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import { CORP_FIELD_MESSAGES, USERID_MAX_LENGTH, USERID_PATTERN, USERNAME_MAX_LENGTH } from './corp-app.js';
import type { AccountTier } from './tiers.js';

/** A member's userid as typed (may be empty where the login asks for a name instead). */
export const UseridSchema = z
  .string()
  .trim()
  .max(USERID_MAX_LENGTH, CORP_FIELD_MESSAGES.useridLength)
  .regex(USERID_PATTERN, CORP_FIELD_MESSAGES.userid);
export const UsernameSchema = z.string().trim().max(USERNAME_MAX_LENGTH, CORP_FIELD_MESSAGES.username);

/** `users.list`: an account, without any secret. */
export interface UserRow {
  id: number;
  corpId: string | null;
  corpname: string | null;
  userid: string;
  username: string;
  tier: AccountTier;
  hasPassword: boolean;
  lastLoginAt: number | null;
}

/** `users.save`: a user or a WeCom admin of a saved corp. */
export const UserSaveSchema = z.object({
  corpId: z.string().min(1, '请选择企业'),
  userid: z.string().trim().min(1, '请填写用户ID').pipe(UseridSchema),
  username: UsernameSchema.optional(),
  tier: z.enum(['user', 'wecom-admin']),
});
export type UserSaveInput = z.input<typeof UserSaveSchema>;

/** `users.save`: a new WeCom admin's one-time initial code is shown once (only its hash is kept). */
export interface UserSaved {
  userid: string;
  tier: 'user' | 'wecom-admin';
  initialCode?: string;
}

const ById = z.object({ id: z.number().int() });

export const USERS_LIST = defineChannel({
  name: 'users.list',
  input: z.object({ corpId: z.string().optional() }),
  output: returns<UserRow[]>(),
  minTier: 'root-admin',
});

export const USERS_SAVE = defineChannel({
  name: 'users.save',
  input: UserSaveSchema,
  output: returns<UserSaved>(),
  minTier: 'root-admin',
});

export const USERS_REMOVE = defineChannel({
  name: 'users.remove',
  input: ById,
  output: returns<Record<string, never>>(),
  minTier: 'root-admin',
});

/** Clears the local password; a WeCom admin gets a new initial code (shown once). */
export const USERS_RESET_PASSWORD = defineChannel({
  name: 'users.resetPassword',
  input: ById,
  output: returns<{ initialCode?: string }>(),
  minTier: 'root-admin',
});
