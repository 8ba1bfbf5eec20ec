/**
 * Keeps access tokens and secrets out of logs, error messages and error details (docs/architecture.md "WeCom gateway"): URLs
 * lose their credential parameters, free text loses every known secret value.
 */

const CREDENTIAL_PARAMS = ['access_token', 'corpsecret'];
const MASK = '***';

/** `path?query` of a URL without its credential parameters; what the logs show of a request. */
export function redactUrl(url: string | URL): string {
  const parsed = new URL(url);
  for (const name of CREDENTIAL_PARAMS) parsed.searchParams.delete(name);
  const query = parsed.searchParams.toString();
  return query === '' ? parsed.pathname : `${parsed.pathname}?${query}`;
}

/**
 * Removes credential values from free text (an errmsg, a transport error message): every listed secret,
 * and any `access_token=`/`corpsecret=` parameter even if its value is not known here.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would mangle ordinary text; real tokens and secrets are long.
    if (secret.length >= 8) result = result.split(secret).join(MASK);
  }
  return result.replace(/\b(access_token|corpsecret)=[^&\s"']*/gi, `$1=${MASK}`);
}
