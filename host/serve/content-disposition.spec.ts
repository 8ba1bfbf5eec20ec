import { attachmentDisposition } from './content-disposition.js';
import { contentTypeFor } from './content-types.js';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('直播 "明细" (1).xlsx')).toBe(
      `attachment; filename="__ ____ (1).xlsx"; filename*=UTF-8''%E7%9B%B4%E6%92%AD%20%22%E6%98%8E%E7%BB%86%22%20%281%29.xlsx`,
    );
    expect(attachmentDisposition('report.csv')).toBe(
      `attachment; filename="report.csv"; filename*=UTF-8''report.csv`,
    );
  });

  it('never lets a header break or quote escape', () => {
    const value = attachmentDisposition('a\r\nb\\c%d.txt');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toContain('filename="a__b_c_d.txt"');
  });
});

describe('contentTypeFor', () => {
  it('knows xlsx and the UI assets, and falls back to octet-stream', () => {
    expect(contentTypeFor('导出.XLSX')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(contentTypeFor('main.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('blob')).toBe('application/octet-stream');
  });
});
