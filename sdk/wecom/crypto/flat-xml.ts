/**
 * A reader for WeCom's callback XML: one `<xml>` root whose children are plain text or CDATA
 * (`<LivingId><![CDATA[...]]></LivingId>`, `<Status>1</Status>`). That flat format is all WeCom sends, so a
 * purpose-built reader is smaller and safer than a general XML library: no DTDs, no external entities,
 * only the five predefined entities and character references. A child holding further elements (rare:
 * e.g. SendPicsInfo) keeps its raw inner XML as its value.
 */

export class FlatXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlatXmlError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const named = ENTITIES[entity];
    if (named === undefined) throw new FlatXmlError(`unknown entity ${whole}`);
    return named;
  });
}

interface Element {
  name: string;
  value: string;
  end: number;
}

const OPEN_TAG = /<([A-Za-z_][\w.:-]*)(?:\s+[^<>]*?)?\s*(\/?)>/y;

function skipSpaceAndComments(xml: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i] as string)) i += 1;
    if (!xml.startsWith('<!--', i)) return i;
    const end = xml.indexOf('-->', i + 4);
    if (end < 0) throw new FlatXmlError('unterminated comment');
    i = end + 3;
  }
}

function parseElement(xml: string, start: number): Element {
  OPEN_TAG.lastIndex = start;
  const open = OPEN_TAG.exec(xml);
  if (!open) throw new FlatXmlError(`expected an element at ${start}`);
  const name = open[1] as string;
  let i = OPEN_TAG.lastIndex;
  if (open[2] === '/') return { name, value: '', end: i };

  const close = `</${name}>`;
  const parts: string[] = [];
  let hasMarkup = false;
  const contentStart = i;
  for (;;) {
    if (i >= xml.length) throw new FlatXmlError(`unterminated element ${name}`);
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) throw new FlatXmlError(`unterminated CDATA in ${name}`);
      parts.push(xml.slice(i + 9, end));
      hasMarkup = true;
      i = end + 3;
    } else if (xml.startsWith(close, i)) {
      break;
    } else if (xml.startsWith('<!--', i)) {
      i = skipSpaceAndComments(xml, i);
    } else if (xml[i] === '<') {
      // A nested element: skip over it; the value becomes the raw inner XML.
      i = parseElement(xml, i).end;
      return finishNested(xml, name, close, contentStart, i);
    } else {
      const next = xml.indexOf('<', i);
      if (next < 0) throw new FlatXmlError(`unterminated element ${name}`);
      const text = xml.slice(i, next);
      // Whitespace around a CDATA section is layout, not content.
      if (text.trim() !== '') parts.push(decodeEntities(text));
      i = next;
    }
  }
  const value = hasMarkup ? parts.join('') : parts.join('').trim();
  return { name, value, end: i + close.length };
}

function finishNested(xml: string, name: string, close: string, contentStart: number, from: number): Element {
  let i = from;
  for (;;) {
    i = skipSpaceAndComments(xml, i);
    if (xml.startsWith(close, i))
      return { name, value: xml.slice(contentStart, i).trim(), end: i + close.length };
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) throw new FlatXmlError(`unterminated CDATA in ${name}`);
      i = end + 3;
      continue;
    }
    if (xml[i] === '<') {
      i = parseElement(xml, i).end;
      continue;
    }
    const next = xml.indexOf('<', i);
    if (next < 0) throw new FlatXmlError(`unterminated element ${name}`);
    i = next;
  }
}

/** The children of the root element as name → text. Throws `FlatXmlError` on anything malformed. */
export function readXmlFields(xml: string): Record<string, string> {
  let i = 0;
  const text = xml.replace(/^\uFEFF/, '');
  i = skipSpaceAndComments(text, i);
  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('?>', i);
    if (end < 0) throw new FlatXmlError('unterminated XML declaration');
    i = skipSpaceAndComments(text, end + 2);
  }
  if (text.startsWith('<!', i)) throw new FlatXmlError('DOCTYPE and other declarations are not accepted');

  OPEN_TAG.lastIndex = i;
  const root = OPEN_TAG.exec(text);
  if (!root) throw new FlatXmlError('no root element');
  const close = `</${root[1] as string}>`;
  const fields: Record<string, string> = {};
  if (root[2] === '/') return fields;
  i = OPEN_TAG.lastIndex;
  for (;;) {
    i = skipSpaceAndComments(text, i);
    if (text.startsWith(close, i)) break;
    if (i >= text.length) throw new FlatXmlError('unterminated root element');
    const element = parseElement(text, i);
    fields[element.name] = element.value;
    i = element.end;
  }
  if (skipSpaceAndComments(text, i + close.length) !== text.length) {
    throw new FlatXmlError('content after the root element');
  }
  return fields;
}
