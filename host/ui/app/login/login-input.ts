import type { LoginInput } from '../../../../sdk/contracts/auth-channels.js';

/** Whether the account needs a local password: none (a user), its existing one, or a first one to set. */
export type PasswordNeed = 'none' | 'existing' | 'first';

/** The values of the WeCom login form (strings as typed; disabled inputs included). */
export interface CorpLoginValue {
  corpname: string;
  corpid: string;
  corpsecret: string;
  agentid: string;
  userid: string;
  username: string;
  password: string;
  /** A new or reset WeCom admin's one-time code from root-admin (first login only). */
  initialCode?: string;
}

/**
 * The `auth.login` input for the form: `savedCorp` when a saved corp is chosen (its secret stays in the
 * host), otherwise `newCorp` with every typed field. Optional fields are left out when empty.
 */
export function corpLoginInput(
  value: CorpLoginValue,
  savedCorpId: string | null,
  passwordNeed: PasswordNeed,
): LoginInput {
  const who: { userid?: string; username?: string; password?: string; initialCode?: string } = {};
  if (value.userid.trim() !== '') who.userid = value.userid.trim();
  if (value.username.trim() !== '') who.username = value.username.trim();
  if (passwordNeed !== 'none') who.password = value.password;
  if (passwordNeed === 'first' && (value.initialCode ?? '').trim() !== '') {
    who.initialCode = (value.initialCode ?? '').trim();
  }
  if (savedCorpId !== null) return { kind: 'savedCorp', corpId: savedCorpId, ...who };
  return {
    kind: 'newCorp',
    corpname: value.corpname.trim(),
    corpid: value.corpid.trim(),
    corpsecret: value.corpsecret.trim(),
    agentid: Number(value.agentid.trim()),
    ...who,
  };
}
