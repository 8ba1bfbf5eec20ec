import { TestBed } from '@angular/core/testing';
import { BrowserFilePicker } from './browser-file-picker.js';
import { FileTransfer } from './file-transfer.js';
import { HttpFileRoutes } from './http-file-routes.js';
import { RpcClient, RpcError } from './rpc-client.js';
import { FakeFilePicker } from './testing/fake-file-picker.js';
import { FakeTransport } from './testing/fake-transport.js';
import { FILES_DOWNLOAD_TICKET, FILES_PICK_OPEN, FILES_SAVE_AS } from '../contracts/files-channels.js';

describe('FileTransfer', () => {
  let fake: FakeTransport;
  let picker: FakeFilePicker;
  let transfer: FileTransfer;

  function start(): void {
    TestBed.configureTestingModule({ providers: [{ provide: BrowserFilePicker, useValue: picker }] });
    const rpc = TestBed.inject(RpcClient);
    rpc.use(fake);
    rpc.setSession('sess-1');
    transfer = TestBed.inject(FileTransfer);
  }

  beforeEach(() => {
    sessionStorage.clear();
    fake = new FakeTransport();
    picker = new FakeFilePicker();
  });

  afterEach(() => sessionStorage.clear());

  describe('in Electron (native dialogs in the main process)', () => {
    it('picks through files.pickOpen, so the host copies the file and answers its id', async () => {
      fake.answer(FILES_PICK_OPEN, { fileId: 'f-1', name: '签到.xlsx', size: 2048 });
      start();
      expect(transfer.mode()).toBe('native');
      const progress: number[] = [];
      const picked = await transfer.pickAndUpload(['.XLSX', 'xls'], {
        title: '选择签到表',
        filterName: 'Excel 工作簿',
        onProgress: (fraction) => progress.push(fraction),
      });
      expect(picked).toEqual({ fileId: 'f-1', name: '签到.xlsx', size: 2048 });
      expect(fake.callsTo(FILES_PICK_OPEN)).toEqual([
        { title: '选择签到表', extensions: ['xlsx', 'xls'], filterName: 'Excel 工作簿' },
      ]);
      expect(picker.accepts).toEqual([]);
      expect(progress).toEqual([]);
    });

    it('answers null when the dialog is cancelled, and rejects with the host message on failure', async () => {
      fake.answer(FILES_PICK_OPEN, null);
      start();
      expect(await transfer.pickAndUpload([])).toBeNull();
      expect(fake.callsTo(FILES_PICK_OPEN)).toEqual([{}]);
      fake.fail(FILES_PICK_OPEN, { code: 'INVALID_INPUT', message: '文件超过 50 MB 上限' });
      await expectAsync(transfer.pickAndUpload(['xlsx'])).toBeRejectedWith(
        jasmine.objectContaining({ message: '文件超过 50 MB 上限' }),
      );
    });

    it('saves an export through files.saveAs with the suggested name', async () => {
      fake.answer(FILES_SAVE_AS, (input: unknown) =>
        (input as { defaultName?: string }).defaultName === undefined
          ? null
          : { path: 'C:\\Users\\me\\审计日志.xlsx', name: '审计日志.xlsx' },
      );
      start();
      expect(await transfer.saveExport('f-9', '审计日志.xlsx')).toEqual({
        kind: 'saved',
        path: 'C:\\Users\\me\\审计日志.xlsx',
        name: '审计日志.xlsx',
      });
      expect(await transfer.saveExport('f-9')).toEqual({ kind: 'cancelled' });
      expect(fake.callsTo(FILES_SAVE_AS)).toEqual([
        { fileId: 'f-9', defaultName: '审计日志.xlsx' },
        { fileId: 'f-9' },
      ]);
      expect(fake.callsTo(FILES_DOWNLOAD_TICKET)).toEqual([]);
    });
  });

  describe('in browser mode (/upload and download tickets)', () => {
    it('opens the chooser with the accepted types and uploads with progress and the session', async () => {
      const routes = fake.withBrowserFiles();
      routes.progressSteps = [0.25, 0.75];
      picker.choose('签到.XLSX', 'abcd');
      start();
      expect(transfer.mode()).toBe('browser');
      const progress: number[] = [];
      const picked = await transfer.pickAndUpload(['xlsx', '.xls'], { onProgress: (f) => progress.push(f) });
      expect(picked).toEqual({ fileId: 'file-1', name: '签到.XLSX', size: 4 });
      expect(picker.accepts).toEqual(['.xlsx,.xls']);
      expect(routes.uploads).toEqual([{ name: '签到.XLSX', size: 4, session: 'sess-1' }]);
      expect(progress).toEqual([0, 0.25, 0.75, 1]);
      expect(fake.callsTo(FILES_PICK_OPEN)).toEqual([]);
    });

    it('answers null when the chooser is closed, and refuses a file of another type before sending it', async () => {
      const routes = fake.withBrowserFiles();
      start();
      expect(await transfer.pickAndUpload(['xlsx'])).toBeNull();
      picker.choose('名单.csv');
      let thrown: unknown;
      await transfer.pickAndUpload(['xlsx', 'xls']).catch((error: unknown) => (thrown = error));
      expect(thrown).toBeInstanceOf(RpcError);
      expect((thrown as RpcError).code).toBe('INVALID_INPUT');
      expect((thrown as RpcError).message).toBe('请选择 .xlsx / .xls 文件。');
      expect(routes.uploads).toEqual([]);
    });

    it("rejects with the host's answer when the upload is refused", async () => {
      fake
        .withBrowserFiles()
        .answerUpload({ error: { code: 'INVALID_INPUT', message: '文件超过 1 MB 上限' } });
      picker.choose('big.xlsx');
      start();
      await expectAsync(transfer.pickAndUpload(['xlsx'])).toBeRejectedWith(
        jasmine.objectContaining({ code: 'INVALID_INPUT', message: '文件超过 1 MB 上限' }),
      );
    });

    it('downloads an export through a single-use ticket', async () => {
      const routes = fake.withBrowserFiles();
      fake.answer(FILES_DOWNLOAD_TICKET, (input: unknown) => ({
        url: `/download/ticket-for-${(input as { fileId: string }).fileId}`,
        expiresAt: 0,
      }));
      start();
      expect(await transfer.saveExport('f-9', '审计日志.xlsx')).toEqual({ kind: 'downloading' });
      expect(await transfer.saveExport('f-10')).toEqual({ kind: 'downloading' });
      expect(routes.downloads).toEqual([
        { path: '/download/ticket-for-f-9', name: '审计日志.xlsx' },
        { path: '/download/ticket-for-f-10', name: '' },
      ]);
      expect(fake.callsTo(FILES_SAVE_AS)).toEqual([]);
    });

    it('says why when no ticket is given', async () => {
      fake.withBrowserFiles();
      fake.fail(FILES_DOWNLOAD_TICKET, { code: 'NOT_FOUND', message: '文件不存在或无权访问。' });
      start();
      await expectAsync(transfer.saveExport('gone')).toBeRejectedWith(
        jasmine.objectContaining({ code: 'NOT_FOUND' }),
      );
    });
  });
});

describe('BrowserFilePicker (the real <input type="file">)', () => {
  let opened: HTMLInputElement[];

  beforeEach(() => {
    opened = [];
    spyOn(HTMLInputElement.prototype, 'click').and.callFake(function (this: HTMLInputElement) {
      opened.push(this);
    });
  });

  it('resolves with the chosen file and removes its input', async () => {
    const choice = new BrowserFilePicker().pick('.xlsx,.xls');
    const [input] = opened;
    expect(input?.type).toBe('file');
    expect(input?.accept).toBe('.xlsx,.xls');
    expect(input?.isConnected).toBeTrue();
    const files = new DataTransfer();
    files.items.add(new File(['x'], '签到.xlsx'));
    if (input === undefined) throw new Error('no input opened');
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    expect((await choice)?.name).toBe('签到.xlsx');
    expect(input.isConnected).toBeFalse();
  });

  it('resolves with null when the chooser is cancelled', async () => {
    const choice = new BrowserFilePicker().pick('');
    opened[0]?.dispatchEvent(new Event('cancel'));
    expect(await choice).toBeNull();
    expect(opened[0]?.isConnected).toBeFalse();
  });
});

describe('HttpFileRoutes.download', () => {
  it('clicks a same-origin link to the ticket path, named for the download', () => {
    const clicked: HTMLAnchorElement[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    new HttpFileRoutes('token', '').download('/download/abc', '审计日志.xlsx');
    expect(clicked.length).toBe(1);
    expect(new URL(clicked[0]?.href ?? '').pathname).toBe('/download/abc');
    expect(clicked[0]?.download).toBe('审计日志.xlsx');
    expect(clicked[0]?.href).not.toContain('token');
    expect(clicked[0]?.isConnected).toBeFalse();
  });
});
