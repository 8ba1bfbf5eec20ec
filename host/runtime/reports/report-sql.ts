// A small SQL tokenizer for report queries (docs/report-plugins.md, "What a query may do"): it finds the
// named parameters a query uses and every identifier it spells, skipping string literals and comments,
// so the runner can refuse a query that names anything but the read views (a base table, another
// schema, SQLite's catalogue) before SQLite runs it. SQLite itself then prepares the statement; its
// `readonly` flag and EXPLAIN are checked too (report-connection.ts).

export interface ScannedSql {
  /** Named parameters (`:name`, `@name`, `$name`), without the sigil. */
  parameters: string[];
  /** True when a positional parameter (`?`, `?1`) appears: reports bind by name only. */
  positional: boolean;
  /** Every identifier (bare or quoted), lower case, in order. */
  identifiers: string[];
  /** Identifiers written as `x.` (a qualifier: a table alias or a schema), lower case. */
  qualifiers: string[];
  /** Keywords and bare identifiers, lower case, for the keyword checks. */
  words: string[];
  /** Names written right after FROM or JOIN (a table or view the query reads), lower case. */
  sources: string[];
  /** The text is not closed (a string, a quoted name or a comment runs to the end). */
  unterminated: boolean;
}

const WORD = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
const PARAM = /[:@$][A-Za-z_][A-Za-z0-9_]*/y;

export function scanSql(sql: string): ScannedSql {
  const out: ScannedSql = {
    parameters: [],
    positional: false,
    identifiers: [],
    qualifiers: [],
    words: [],
    sources: [],
    unterminated: false,
  };
  let previous = '';
  let i = 0;
  const push = (name: string, quoted: boolean): void => {
    const lower = name.toLowerCase();
    out.identifiers.push(lower);
    if (!quoted) out.words.push(lower);
    if (previous === 'from' || previous === 'join') out.sources.push(lower);
    previous = quoted ? '' : lower;
    // A qualifier: the next non-space character is a dot.
    let j = i;
    while (j < sql.length && /\s/.test(sql[j] ?? '')) j += 1;
    if (sql[j] === '.') out.qualifiers.push(lower);
  };
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) {
        out.unterminated = true;
        i = sql.length;
      } else i = end + 2;
    } else if (c === "'") {
      i = closing(sql, i, "'", out);
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const start = i + 1;
      i = closing(sql, i, close, out);
      const raw = sql.slice(start, i - 1);
      push(close === ']' ? raw : raw.replaceAll(close + close, close), true);
    } else if ((c === 'x' || c === 'X') && next === "'") {
      i = closing(sql, i + 1, "'", out);
    } else if (c === '?') {
      out.positional = true;
      i += 1;
      while (/[0-9]/.test(sql[i] ?? '')) i += 1;
    } else if (c === ':' || c === '@' || c === '$') {
      PARAM.lastIndex = i;
      const match = PARAM.exec(sql);
      if (match === null) i += 1;
      else {
        out.parameters.push(match[0].slice(1));
        i += match[0].length;
      }
    } else {
      WORD.lastIndex = i;
      const match = /[0-9]/.test(c) ? null : WORD.exec(sql);
      if (match === null) {
        i += 1;
        // Numbers such as 1e10 or 0x1F: skip the whole token so its letters are not read as a word.
        if (/[0-9]/.test(c)) while (/[0-9A-Za-z_.]/.test(sql[i] ?? '')) i += 1;
      } else {
        i += match[0].length;
        push(match[0], false);
      }
    }
  }
  out.parameters = [...new Set(out.parameters)];
  return out;
}

/** The index after the closing quote (a doubled quote is an escaped one). */
function closing(sql: string, open: number, quote: string, out: ScannedSql): number {
  let i = open + 1;
  for (;;) {
    const at = sql.indexOf(quote, i);
    if (at === -1) {
      out.unterminated = true;
      return sql.length;
    }
    if (quote !== ']' && sql[at + 1] === quote) {
      i = at + 2;
      continue;
    }
    return at + 1;
  }
}
