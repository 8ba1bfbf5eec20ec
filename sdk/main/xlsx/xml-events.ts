// A part of the workbook streamed through the XML scanner (xml-scanner.ts): the handler sees tags by
// their local name (`x:c` and `c` alike) and may throw to stop reading at once. A DOCTYPE is refused:
// spreadsheet XML never has one, and entity tricks start there.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { WorkbookRefusedError } from './workbook-limits.js';
import { XmlDoctypeError, XmlScanner } from './xml-scanner.js';

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export async function parseXml(stream: Readable, part: string, handler: XmlHandler): Promise<void> {
  const close = handler.close?.bind(handler);
  const scanner = new XmlScanner({
    open: (name, attributes) => handler.open(localName(name), attributes),
    ...(handler.text === undefined ? {} : { text: handler.text.bind(handler) }),
    ...(close === undefined ? {} : { close: (name: string) => close(localName(name)) }),
  });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) scanner.write(decoder.write(chunk));
    scanner.write(decoder.end());
    scanner.end();
  } catch (error) {
    if (error instanceof WorkbookRefusedError) throw error;
    if (error instanceof XmlDoctypeError) {
      throw new WorkbookRefusedError(`工作簿中的「${part}」含有 DOCTYPE 声明，不是正常的 Excel 文件`);
    }
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WorkbookRefusedError(`工作簿中的「${part}」不是有效的 XML（${detail}），文件可能已损坏`);
  } finally {
    stream.destroy();
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
