// Scrubs secrets (access tokens, corpsecrets, passwords, session ids) out of anything that may reach a
// log file, an export or an error report (docs/architecture.md "Security": logs must not leak what the vault protects).

export const REDACTED = '[REDACTED]';

// Parameter and field names whose value is a secret, matched at the END of a name, so
// `suite_access_token`, `corpsecret` and `jsapi_ticket` match while `tokenExpiresAt` and `errcode` do not.
// The prefix is bounded so a long dotted or dashed string cannot make matching quadratic.
const SECRET_NAME =
  '[\\w.-]{0,64}?(?:token|secret|ticket|password|passwd|pwd|encodingaeskey|aeskey|(?:api|access|private|secret)[_-]?key|recovery[_-]?codes?|session(?:[_-]?(?:id|key))?|auth_code|permanent_code|cookie|authorization)';

// `"password": "x"`, `password: 'x'` (util.inspect), `password="x"`: the quoted value is replaced.
const QUOTED_ASSIGNMENT = new RegExp(
  `((["']?)\\b${SECRET_NAME}\\2\\s*[:=]\\s*)(["'])(?:(?!\\3)[^\\\\\\r\\n]|\\\\.)*\\3`,
  'gi',
);
// `"password": 123456`: a bare number under a secret name.
const NUMERIC_ASSIGNMENT = new RegExp(`((["']?)\\b${SECRET_NAME}\\2\\s*:\\s*)-?\\d[\\d.eE+-]*`, 'gi');
// URL queries, fragments, form bodies and cookies: `?access_token=abc&x=1`, `#token=abc`, `session=abc;`.
// A nested, percent-encoded URL (`%3Ftoken%3Dabc`) counts too.
const PARAMETER = new RegExp(
  `((?:^|(?<=[^\\w.%-])|(?<=%3[fF])|(?<=%26)|(?<=%23))${SECRET_NAME}(?:=|%3[dD]))([^&#\\s"'<>;]+)`,
  'gi',
);
// `Bearer abc.def`, whatever precedes it.
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
// Header lines such as `Authorization: Basic abc` or `Cookie: a=1; b=2`: the whole value.
const HEADER_LINE =
  /\b((?:proxy-)?authorization|set-cookie|cookie|x-session)(\s*:[ \t]*)(?!Bearer\b)[^\s"'][^\r\n"']*/gi;

/** Replaces every secret recognisable in free text; the rest of the text is kept as it is. */
export function redactText(text: string): string {
  return text
    .replace(QUOTED_ASSIGNMENT, `$1$3${REDACTED}$3`)
    .replace(NUMERIC_ASSIGNMENT, `$1${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(HEADER_LINE, `$1$2${REDACTED}`)
    .replace(PARAMETER, (_match, name: string, value: string) =>
      value === REDACTED ? _match : name + REDACTED,
    );
}

// Object keys whose value is secret. Matched anywhere in the key (`x-session`, `corpSecretCipher`).
const SECRET_KEY =
  /pass(?:word)?|secret|token|authorization|cookie|encodingaeskey|recovery|session|api[_-]?key|private[_-]?key|auth_code|permanent_code/i;
// A key that goes on after its secret word and holds a number is a time, a count or a limit
// (`tokenExpiresAt`, `sessionIdleMinutes`, `passwordAttempts`): kept, since it is useful and never a secret.
const SECRET_KEY_END = new RegExp(`(?:${SECRET_KEY.source})$`, 'i');

const MAX_DEPTH = 10;
const MAX_ARRAY_ITEMS = 1000;

function redactEntry(key: string, value: unknown, ancestors: object[], depth: number): unknown {
  if (!SECRET_KEY.test(key)) return copy(value, ancestors, depth);
  // Flags and absent values say nothing secret (`hasPassword: true`, `session: null`).
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'number' && !SECRET_KEY_END.test(key)) return value;
  return REDACTED;
}

function copyError(error: Error, ancestors: object[], depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: error.name,
    message: redactText(error.message),
  };
  if (error.stack !== undefined) out.stack = redactText(error.stack);
  for (const [key, value] of Object.entries(error)) {
    if (!(key in out)) out[key] = redactEntry(key, value, ancestors, depth);
  }
  // `cause` and AggregateError's `errors` are own but not enumerable.
  if (error.cause !== undefined) out.cause = copy(error.cause, ancestors, depth);
  if (error instanceof AggregateError && Array.isArray(error.errors)) {
    out.errors = copy(error.errors, ancestors, depth);
  }
  return out;
}

function copyEntries(
  entries: Iterable<[unknown, unknown]>,
  ancestors: object[],
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) out[String(key)] = redactEntry(String(key), value, ancestors, depth);
  return out;
}

function copy(value: unknown, ancestors: object[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof URL) return redactText(value.href);
  // Raw bytes may hold anything, including a key: only their size is kept.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[Binary ${value.byteLength} bytes]`;

  const inner = [...ancestors, value];
  const next = depth + 1;
  if (value instanceof Error) return copyError(value, inner, next);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY_ITEMS).map((item: unknown) => copy(item, inner, next));
    if (value.length > MAX_ARRAY_ITEMS) items.push(`[${value.length - MAX_ARRAY_ITEMS} more items]`);
    return items;
  }
  if (value instanceof Map) return copyEntries(value.entries(), inner, next);
  if (value instanceof Set) return copy([...value], ancestors, depth);
  // fetch's Headers keep their entries out of sight of Object.entries.
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    return copyEntries(value.entries(), inner, next);
  }
  try {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return copy(toJSON.call(value), inner, next);
    return copyEntries(Object.entries(value), inner, next);
  } catch {
    // A throwing getter or toJSON must not turn a log call into a crash.
    return '[Unreadable]';
  }
}

/**
 * A deep, redacted copy: values under secret-looking keys become '[REDACTED]', every string goes through
 * redactText, errors become plain `{ name, message, stack, ... }` objects. Cycles become '[Circular]' and
 * anything deeper than 10 levels '[Truncated]'. The input is never modified.
 */
export function redactValue(value: unknown): unknown {
  return copy(value, [], 0);
}
