// A small, strict XML scanner for the parts of a workbook (docs/architecture.md, workers): the elements,
// attributes and text of a well-formed document, nothing else. Spreadsheet XML has no DTD, so there are
// no entities beyond the five predefined ones and character references; a DOCTYPE is refused. Anything not
// well-formed (a close tag that does not match, a stray `<` or `&`, text or a second element outside the
// root, an unfinished document) throws an XmlSyntaxError. It reads several times faster than a general
// SAX parser on a 50,000-row sheet, which is most of a check-in import.
//
// The scanner is fed string chunks; a tag, a comment or an entity split between chunks waits for the
// next one. Text is handed on as it arrives (possibly in several pieces), so a sheet of megabytes of
// blanks is never held whole.

export class XmlSyntaxError extends Error {}

export class XmlDoctypeError extends Error {}

export interface XmlScanHandler {
  /** A start tag (also for `<x/>`, followed by its close), by its qualified name. */
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The attributes of every tag that has none (the handler only reads them). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** A tag, a comment or a CDATA section longer than this is refused rather than buffered. */
const MAX_MARKUP_CHARS = 1024 * 1024;

const GT = 0x3e; // >
const SLASH = 0x2f; // /
const EQ = 0x3d; // =
const QUOT = 0x22; // "
const APOS = 0x27; // '
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** XML name characters, kept simple: ASCII letters, digits, `_ : - .`, and anything beyond ASCII. */
function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x3a ||
    code === 0x2d ||
    code === 0x2e ||
    code >= 0x80
  );
}

function isNameStart(code: number): boolean {
  return isNameChar(code) && !(code >= 0x30 && code <= 0x39) && code !== 0x2d && code !== 0x2e;
}

/** A character XML 1.0 allows in a document (Char production). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export class XmlScanner {
  private buffer = '';
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  private rootSeen = false;
  private started = false;
  private readonly text: ((text: string) => void) | undefined;
  private readonly close: ((name: string) => void) | undefined;

  constructor(private readonly handler: XmlScanHandler) {
    this.text = handler.text?.bind(handler);
    this.close = handler.close?.bind(handler);
  }

  write(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
    }
    const kept = this.scan(false);
    this.buffer = kept === 0 ? this.buffer : this.buffer.slice(kept);
  }

  /** The document ended: anything left unfinished is an error. */
  end(): void {
    this.scan(true);
    this.buffer = '';
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) throw new XmlSyntaxError(`元素 <${open}> 没有结束`);
    if (!this.rootSeen) throw new XmlSyntaxError('文档没有根元素');
  }

  /** Handles what the buffer holds completely; answers how far it got (the rest waits for more). */
  private scan(final: boolean): number {
    const source = this.buffer;
    const length = source.length;
    let at = 0;
    while (at < length) {
      const lt = source.indexOf('<', at);
      const textEnd = lt < 0 ? length : lt;
      if (textEnd > at) {
        // Text: all of it once the next `<` is here, else up to a point no reference or CR-LF straddles.
        let end = textEnd;
        if (lt < 0 && !final) {
          const amp = source.lastIndexOf('&', end - 1);
          // A reference is at most a dozen characters: a longer run without `;` fails when it is decoded.
          if (amp >= at && length - amp <= 12 && source.indexOf(';', amp) < 0) end = amp;
          if (end > at && source.charCodeAt(end - 1) === 0x0d) end -= 1;
          // `]]>` is not allowed in text: keep a trailing `]` or `]]` until the next character is here.
          for (let held = 0; held < 2 && end > at && source.charCodeAt(end - 1) === 0x5d; held += 1) end -= 1;
        }
        if (end > at) this.onText(source, at, end);
        at = end;
        if (lt < 0) return at;
        if (at < lt) return at;
      }
      const next = this.markup(source, lt, final);
      if (next < 0) {
        if (length - lt > MAX_MARKUP_CHARS) throw new XmlSyntaxError('标记过长或没有结束');
        return lt;
      }
      at = next;
    }
    return at;
  }

  private onText(source: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let index = from; index < to; index += 1) {
        if (!isSpace(source.charCodeAt(index))) throw new XmlSyntaxError('根元素之外有文本');
      }
      return;
    }
    if (this.text === undefined) return;
    const raw = source.slice(from, to);
    this.text(decodeText(raw));
  }

  /** The markup starting at `lt`: answers the index after it, or -1 when it is not complete yet. */
  private markup(source: string, lt: number, final: boolean): number {
    const length = source.length;
    if (lt + 1 >= length) return this.incomplete(final);
    const first = source.charCodeAt(lt + 1);
    if (first === BANG) return this.declaration(source, lt, final);
    if (first === QUESTION) {
      const end = source.indexOf('?>', lt + 2);
      if (end < 0) return this.incomplete(final);
      if (source.slice(lt + 2, lt + 5).toLowerCase() === 'xml' && this.rootSeen) {
        // A declaration only at the start; other processing instructions are skipped.
        const after = source.charCodeAt(lt + 5);
        if (isSpace(after) || after === QUESTION) throw new XmlSyntaxError('XML 声明不在文档开头');
      }
      return end + 2;
    }
    if (first === SLASH) {
      const gt = source.indexOf('>', lt + 2);
      if (gt < 0) return this.incomplete(final);
      let nameEnd = lt + 2;
      while (nameEnd < gt && isNameChar(source.charCodeAt(nameEnd))) nameEnd += 1;
      for (let index = nameEnd; index < gt; index += 1) {
        if (!isSpace(source.charCodeAt(index))) {
          throw new XmlSyntaxError(`结束标记 </${source.slice(lt + 2, nameEnd)}> 无效`);
        }
      }
      const open = this.stack.pop();
      // Compared in place: a sheet closes some 150,000 tags, and the open tag's name is the one to hand on.
      if (open === undefined || nameEnd - lt - 2 !== open.length || !source.startsWith(open, lt + 2)) {
        const name = source.slice(lt + 2, nameEnd);
        throw new XmlSyntaxError(
          open === undefined ? `多余的结束标记 </${name}>` : `结束标记 </${name}> 与 <${open}> 不匹配`,
        );
      }
      this.close?.(open);
      return gt + 1;
    }
    return this.startTag(source, lt, final);
  }

  private declaration(source: string, lt: number, final: boolean): number {
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end < 0) return this.incomplete(final);
      return end + 3;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new XmlSyntaxError('根元素之外有 CDATA');
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) return this.incomplete(final);
      this.text?.(normaliseLineEnds(source.slice(lt + 9, end)));
      return end + 3;
    }
    const head = source.slice(lt, lt + 9);
    const partial = (full: string): boolean => full.startsWith(head);
    if (head.length < 9 && !final && (partial('<!--') || partial('<!DOCTYPE') || partial('<![CDATA['))) {
      return -1;
    }
    if (head.toUpperCase() === '<!DOCTYPE') throw new XmlDoctypeError('DOCTYPE');
    throw new XmlSyntaxError('无法识别的 <! 标记');
  }

  private startTag(source: string, lt: number, final: boolean): number {
    const length = source.length;
    let at = lt + 1;
    if (!isNameStart(source.charCodeAt(at))) throw new XmlSyntaxError('“<” 后不是元素名');
    while (at < length && isNameChar(source.charCodeAt(at))) at += 1;
    if (at >= length) return this.incomplete(final);
    const name = source.slice(lt + 1, at);
    // Most tags of a sheet (<v>, <c/> without a style…) have no attributes: they share one frozen object.
    let attributes: Record<string, string> = NO_ATTRIBUTES;
    for (;;) {
      const spaceStart = at;
      while (at < length && isSpace(source.charCodeAt(at))) at += 1;
      if (at >= length) return this.incomplete(final);
      const code = source.charCodeAt(at);
      if (code === GT || code === SLASH) {
        let selfClosing = false;
        if (code === SLASH) {
          if (at + 1 >= length) return this.incomplete(final);
          if (source.charCodeAt(at + 1) !== GT) throw new XmlSyntaxError(`元素 <${name}> 的标记无效`);
          selfClosing = true;
          at += 1;
        }
        if (this.stack.length === 0) {
          if (this.rootSeen) throw new XmlSyntaxError(`根元素之后又有元素 <${name}>`);
          this.rootSeen = true;
        }
        this.handler.open(name, attributes);
        if (selfClosing) this.close?.(name);
        else this.stack.push(name);
        return at + 1;
      }
      if (at === spaceStart || !isNameStart(code)) {
        throw new XmlSyntaxError(`元素 <${name}> 的属性无效`);
      }
      const attributeStart = at;
      while (at < length && isNameChar(source.charCodeAt(at))) at += 1;
      if (at >= length) return this.incomplete(final);
      const attribute = source.slice(attributeStart, at);
      while (at < length && isSpace(source.charCodeAt(at))) at += 1;
      if (at >= length) return this.incomplete(final);
      if (source.charCodeAt(at) !== EQ) throw new XmlSyntaxError(`元素 <${name}> 的属性 ${attribute} 没有值`);
      at += 1;
      while (at < length && isSpace(source.charCodeAt(at))) at += 1;
      if (at >= length) return this.incomplete(final);
      const quote = source.charCodeAt(at);
      if (quote !== QUOT && quote !== APOS) {
        throw new XmlSyntaxError(`元素 <${name}> 的属性 ${attribute} 的值没有引号`);
      }
      const valueEnd = source.indexOf(quote === QUOT ? '"' : "'", at + 1);
      if (valueEnd < 0) return this.incomplete(final);
      const raw = source.slice(at + 1, valueEnd);
      if (raw.includes('<')) throw new XmlSyntaxError(`元素 <${name}> 的属性 ${attribute} 的值含有“<”`);
      if (attributes === NO_ATTRIBUTES) attributes = {};
      else if (Object.prototype.hasOwnProperty.call(attributes, attribute)) {
        throw new XmlSyntaxError(`元素 <${name}> 的属性 ${attribute} 重复`);
      }
      attributes[attribute] = decodeAttribute(raw);
      at = valueEnd + 1;
    }
  }

  /** Markup cut off by the chunk's end: wait for the next chunk, unless the document ended. */
  private incomplete(final: boolean): number {
    if (final) throw new XmlSyntaxError('文档在标记中间结束');
    return -1;
  }
}

/** `\r\n` and a lone `\r` are `\n` in XML text (end-of-line handling). */
function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decodeText(raw: string): string {
  const text = normaliseLineEnds(raw);
  if (text.includes('>') && text.includes(']]>')) throw new XmlSyntaxError('文本中含有“]]>”');
  return text.includes('&') ? decodeReferences(text) : text;
}

/** Attribute values: line ends and tabs become spaces (attribute-value normalisation), then references. */
function decodeAttribute(raw: string): string {
  const text = hasWhitespaceControl(raw) ? normaliseLineEnds(raw).replace(/[\t\n]/g, ' ') : raw;
  return text.includes('&') ? decodeReferences(text) : text;
}

/** A tab, line feed or carriage return in the text (a loop: most values are a few characters long). */
function hasWhitespaceControl(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

function decodeReferences(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const amp = text.indexOf('&', at);
    if (amp < 0) return out + text.slice(at);
    out += text.slice(at, amp);
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError('“&” 后不是有效的字符引用');
    const body = text.slice(amp + 1, semi);
    if (body.charCodeAt(0) === 0x23) {
      const hex = body.charCodeAt(1) === 0x78;
      const digits = body.slice(hex ? 2 : 1);
      const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (!valid || !isXmlChar(code)) throw new XmlSyntaxError(`字符引用 &${body}; 无效`);
      out += String.fromCodePoint(code);
    } else {
      const named = PREDEFINED[body];
      if (named === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, body)) {
        throw new XmlSyntaxError(`未定义的实体 &${body};`);
      }
      out += named;
    }
    at = semi + 1;
  }
}
