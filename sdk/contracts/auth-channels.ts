// The `auth.*` channels (host/runtime/accounts/auth-channels.ts), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { LoginResult } from './host-status.js';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-rules.js';
import { CorpFieldsSchema } from './corps-channels.js';
import { UseridSchema, UsernameSchema } from './users-channels.js';

/** A local password (root-admin, WeCom admins): ≥ 12 characters, not a common one; the rule is in the message. */
export const NewPasswordSchema = z
  .string({ error: '请输入密码' })
  .max(PASSWORD_MAX_LENGTH, `密码最多 ${PASSWORD_MAX_LENGTH} 位`)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

const Userid = UseridSchema.optional();
const Username = UsernameSchema.optional();
const LoginPassword = z.string().max(128).optional();
const InitialCode = z.string().max(64).optional();

/** `auth.login`: root-admin, a new corp app, or a saved corp (docs/architecture.md "RPC and errors"). */
export const LoginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('root'), password: z.string().min(1, '请输入密码') }),
  CorpFieldsSchema.extend({
    kind: z.literal('newCorp'),
    userid: Userid,
    username: Username,
    password: LoginPassword,
    initialCode: InitialCode,
  }),
  z.object({
    kind: z.literal('savedCorp'),
    corpId: z.string().min(1, '请选择企业'),
    userid: Userid,
    username: Username,
    password: LoginPassword,
    initialCode: InitialCode,
  }),
]);
export type LoginInput = z.input<typeof LoginSchema>;

/** A new recovery code, shown once. */
export interface RecoveryCode {
  recoveryCode: string;
}

export const AUTH_LOGIN = defineChannel({
  name: 'auth.login',
  input: LoginSchema,
  output: returns<LoginResult>(),
  minTier: 'public',
});

/** The first run: root-admin's password; answers the recovery code. */
export const AUTH_SETUP_ROOT = defineChannel({
  name: 'auth.setupRoot',
  input: z.object({ password: NewPasswordSchema }),
  output: returns<RecoveryCode>(),
  minTier: 'public',
});

/** A new root-admin password with the recovery code; answers the next recovery code. */
export const AUTH_RECOVER_ROOT = defineChannel({
  name: 'auth.recoverRoot',
  input: z.object({ recoveryCode: z.string().min(1, '请输入恢复码'), newPassword: NewPasswordSchema }),
  output: returns<RecoveryCode>(),
  minTier: 'public',
});

export const AUTH_LOGOUT = defineChannel({
  name: 'auth.logout',
  input: z.object({}),
  output: returns<Record<string, never>>(),
  minTier: 'user',
});

/** The caller's own local password (root-admin, WeCom admins); other sessions of the account end. */
export const AUTH_CHANGE_PASSWORD = defineChannel({
  name: 'auth.changePassword',
  input: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: NewPasswordSchema }),
  output: returns<Record<string, never>>(),
  minTier: 'wecom-admin',
});
