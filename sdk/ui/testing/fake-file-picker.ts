import type { BrowserFilePicker } from '../browser-file-picker.js';

/**
 * Stands in for the browser's file chooser: `{ provide: BrowserFilePicker, useValue: picker }`. Answers
 * the queued file (null: the user cancelled) and records the `accept` it was opened with.
 */
export class FakeFilePicker implements Pick<BrowserFilePicker, 'pick'> {
  readonly accepts: string[] = [];
  next: File | null = null;

  choose(name: string, content = 'content'): this {
    this.next = new File([content], name);
    return this;
  }

  pick(accept: string): Promise<File | null> {
    this.accepts.push(accept);
    return Promise.resolve(this.next);
  }
}
