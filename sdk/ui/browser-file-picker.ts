import { Injectable } from '@angular/core';

/**
 * The browser's own file chooser (browser mode): a detached `<input type="file">`, clicked. Resolves
 * with the chosen file, or null when the user closes the chooser. Specs replace it (see
 * `sdk/ui/testing/fake-file-picker.ts`), as no test can operate the native chooser.
 */
@Injectable({ providedIn: 'root' })
export class BrowserFilePicker {
  pick(accept: string): Promise<File | null> {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.style.display = 'none';
      const finish = (file: File | null): void => {
        input.remove();
        resolve(file);
      };
      input.addEventListener('change', () => finish(input.files?.item(0) ?? null), { once: true });
      // Fired by Chromium when the chooser is closed without a choice.
      input.addEventListener('cancel', () => finish(null), { once: true });
      document.body.append(input);
      input.click();
    });
  }
}
