// A part of the workbook streamed through saxes (the XML parser exceljs itself uses): the handler sees
// tags by their local name (`x:c` and `c` alike) and may throw to stop reading at once. A DOCTYPE is
// refused: spreadsheet XML never has one, and entity tricks start there.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { WorkbookRefusedError } from './workbook-limits.js';

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export async function parseXml(stream: Readable, part: string, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
  if (handler.text !== undefined) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (handler.close !== undefined) {
    const close = handler.close.bind(handler);
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  parser.on('doctype', () => {
    throw new WorkbookRefusedError(`工作簿中的「${part}」含有 DOCTYPE 声明，不是正常的 Excel 文件`);
  });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) parser.write(decoder.write(chunk));
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookRefusedError) throw error;
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
