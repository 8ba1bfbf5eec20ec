import { fail, type RpcResult } from '../contracts/rpc.js';
import type { BrowserFileRoutes, UploadedFile } from './file-routes.js';

const UNREACHABLE = '无法连接本地服务，请确认 WeCom Live 仍在运行。';

/**
 * `/upload` and `/download` of browser mode. The upload goes through XMLHttpRequest, the one browser
 * API that reports upload progress; the download is an ordinary link click, so the browser streams the
 * file to disk itself (the single-use ticket in the path is the credential).
 */
export class HttpFileRoutes implements BrowserFileRoutes {
  constructor(
    private readonly serverToken: string,
    private readonly base = '',
  ) {}

  upload(
    file: File,
    session: string | null,
    onProgress: (sent: number, total: number) => void,
  ): Promise<RpcResult<UploadedFile>> {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${this.base}/upload`);
      request.setRequestHeader('authorization', `Bearer ${this.serverToken}`);
      if (session !== null) request.setRequestHeader('x-session', session);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      };
      request.onload = () => {
        if (request.status === 401) {
          resolve(
            fail({
              code: 'UNAUTHENTICATED',
              message: '访问凭证已失效：请使用启动时打印的完整地址重新打开本页面。',
            }),
          );
          return;
        }
        try {
          resolve(JSON.parse(request.responseText) as RpcResult<UploadedFile>);
        } catch {
          resolve(fail({ code: 'INTERNAL', message: `上传失败（HTTP ${request.status}），请重试。` }));
        }
      };
      request.onerror = () => resolve(fail({ code: 'INTERNAL', message: UNREACHABLE }));
      request.onabort = () => resolve(fail({ code: 'INTERNAL', message: '上传已中断，请重试。' }));
      const form = new FormData();
      form.append('file', file, file.name);
      request.send(form);
    });
  }

  download(path: string, name: string): void {
    const link = document.createElement('a');
    link.href = `${this.base}${path}`;
    // The server's Content-Disposition names the file; `download` keeps the page where it is.
    link.download = name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  }
}
