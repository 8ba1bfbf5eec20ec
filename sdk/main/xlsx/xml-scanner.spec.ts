// The workbook XML scanner against saxes (a general SAX parser, the one exceljs uses) as the reference:
// the same elements, attributes and text for well-formed documents however the input is cut into
// chunks, and a refusal wherever saxes refuses. Plus the scanner's own limits.
import { SaxesParser } from 'saxes';
import { XmlDoctypeError, XmlScanner, XmlSyntaxError } from './xml-scanner.js';

type XmlEvent = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** Events with adjacent text pieces joined (both parsers may hand text on in pieces). */
function joinText(events: XmlEvent[]): XmlEvent[] {
  const joined: XmlEvent[] = [];
  for (const event of events) {
    const last = joined[joined.length - 1];
    if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
    else joined.push(event[0] === 'text' ? ['text', event[1]] : event);
  }
  return joined.filter((event) => event[0] !== 'text' || event[1] !== '');
}

function scan(chunks: readonly string[]): XmlEvent[] {
  const events: XmlEvent[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes) => events.push(['open', name, { ...attributes }]),
    text: (text) => events.push(['text', text]),
    close: (name) => events.push(['close', name]),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return joinText(events);
}

function saxes(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) =>
    events.push(['open', tag.name, { ...(tag.attributes as Record<string, string>) }]),
  );
  parser.on('text', (text) => events.push(['text', text]));
  parser.on('cdata', (text) => events.push(['text', text]));
  parser.on('closetag', (tag) => events.push(['close', tag.name]));
  parser.write(xml).close();
  // saxes reports whitespace between the prolog and the root; the scanner drops text outside the root.
  let depth = 0;
  return joinText(events).filter((event) => {
    if (event[0] === 'open') depth += 1;
    if (event[0] === 'close') depth -= 1;
    return event[0] !== 'text' || depth > 0 || event[1].trim() !== '';
  });
}

/** Every way of cutting `xml` in two, and a few cuts into many small pieces. */
function chunkings(xml: string): string[][] {
  const cuts: string[][] = [[xml]];
  for (let at = 1; at < xml.length; at += 1) cuts.push([xml.slice(0, at), xml.slice(at)]);
  for (const size of [1, 2, 3, 7]) {
    const pieces: string[] = [];
    for (let at = 0; at < xml.length; at += size) pieces.push(xml.slice(at, at + size));
    cuts.push(pieces);
  }
  return cuts;
}

const WELL_FORMED: Record<string, string> = {
  'a sheet with shared, inline and rich strings':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>' +
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>45729.5</v></c>' +
    '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> 张三@微信 </t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r>' +
    '<rPh sb="0" eb="1"><t>フ</t></rPh></is></c><c r="B2" t="b"><v>1</v></c><c r="C2"/></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>',
  'prefixed names, single quotes and a `>` inside an attribute':
    "<x:worksheet xmlns:x='urn:x'><x:c r='A1' note='a > b' other=\"it's\"><x:v>1</x:v></x:c></x:worksheet>",
  'references, CDATA, comments and processing instructions':
    '\uFEFF<!-- before --><?mso-application progid="Excel.Sheet"?><root a="&lt;&amp;&gt;&quot;&apos;&#20013;&#x1F600;">' +
    'x &amp; y &#x4E2D;&#25991; <![CDATA[<not a tag> & ]]><!-- inside --><?pi data?>end</root><!-- after -->',
  'line ends in text and tabs and line ends in attributes':
    '<root a="1\t2\r\n3\n4" b="&#9;&#10;"> a\r\nb\rc&#13;d<child/>\r\n</root>',
  'a self-closing root': '<root only="1"/>',
  'characters beyond the BMP and a long text': `<root>${'𠀀签到 '.repeat(2_000)}</root>`,
};

const MALFORMED: Record<string, string> = {
  'a close tag that does not match': '<a><b></a></b>',
  'an element left open': '<a><b></b>',
  'a close tag without an open one': '<a></a></b>',
  'text outside the root': '<a/>text',
  'a second root': '<a/><b/>',
  'no root at all': '<!-- nothing -->',
  'an unknown entity': '<a>&nbsp;</a>',
  'a bare ampersand': '<a>fish & chips</a>',
  'an invalid character reference': '<a>&#0;</a>',
  'a `<` inside an attribute value': '<a b="<"/>',
  'a repeated attribute': '<a b="1" b="2"/>',
  'an attribute without quotes': '<a b=1/>',
  'an attribute without a value': '<a b/>',
  'a document cut off inside a tag': '<a><b c="1"',
  'a document cut off inside a comment': '<a><!-- never closed',
  'a tag without a name': '<a>< b/></a>',
  '`]]>` in text': '<a>x]]>y</a>',
};

describe('workbook XML scanner', () => {
  for (const [name, xml] of Object.entries(WELL_FORMED)) {
    it(`reads ${name} as saxes does, however the input is cut`, () => {
      const expected = saxes(xml);
      expect(expected.length).toBeGreaterThan(0);
      const cuts = xml.length > 400 ? [[xml], [xml.slice(0, 333), xml.slice(333)]] : chunkings(xml);
      for (const chunks of cuts) expect(scan(chunks)).withContext(JSON.stringify(chunks)).toEqual(expected);
    });
  }

  for (const [name, xml] of Object.entries(MALFORMED)) {
    it(`refuses ${name}, as saxes does`, () => {
      expect(() => saxes(xml)).toThrow();
      for (const chunks of chunkings(xml)) {
        expect(() => scan(chunks))
          .withContext(JSON.stringify(chunks))
          .toThrowError(XmlSyntaxError);
      }
    });
  }

  it('refuses a DOCTYPE with its own error, wherever the input is cut', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>';
    for (const chunks of chunkings(xml)) {
      expect(() => scan(chunks))
        .withContext(JSON.stringify(chunks))
        .toThrowError(XmlDoctypeError);
    }
  });

  it('hands text on as it arrives: megabytes of blanks are never held whole', () => {
    const pieces: number[] = [];
    const scanner = new XmlScanner({ open: () => undefined, text: (text) => pieces.push(text.length) });
    scanner.write('<sheetData>');
    const blanks = ' '.repeat(64 * 1024);
    for (let chunk = 0; chunk < 64; chunk += 1) scanner.write(blanks);
    // Before the close tag arrived, every blank was handed on already.
    expect(pieces.reduce((sum, length) => sum + length, 0)).toBe(64 * blanks.length);
    scanner.write('</sheetData>');
    scanner.end();
  });

  it('refuses a tag that never ends instead of buffering it', () => {
    const scanner = new XmlScanner({ open: () => undefined });
    scanner.write('<root><c r="');
    const filler = 'A'.repeat(64 * 1024);
    expect(() => {
      for (let chunk = 0; chunk < 64; chunk += 1) scanner.write(filler);
    }).toThrowError(XmlSyntaxError);
  });

  it('stops at once when the handler throws', () => {
    const seen: string[] = [];
    const scanner = new XmlScanner({
      open: (name) => {
        seen.push(name);
        if (name === 'stop') throw new RangeError('enough');
      },
    });
    expect(() => scanner.write('<a><b/><stop/><c/></a>')).toThrowError(RangeError, 'enough');
    expect(seen).toEqual(['a', 'b', 'stop']);
  });
});
