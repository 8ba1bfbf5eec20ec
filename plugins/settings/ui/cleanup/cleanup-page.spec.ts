import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { CleanupPreview } from '../../../../sdk/contracts/config.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { CleanupPage, dayOf } from './cleanup-page.js';
import { CONFIG_CLEANUP, CONFIG_CLEANUP_PREVIEW } from '../../../../sdk/contracts/config-channels.js';

const PREVIEW: CleanupPreview = {
  before: '2025-06-01',
  cutoff: Date.UTC(2025, 4, 31, 16, 0, 0),
  timeZone: 'Asia/Shanghai',
  items: [
    { id: 'host.audit', label: '审计日志记录', count: 12 },
    { id: 'host.jobs', label: '已结束的后台任务', count: 3 },
    { id: 'host.files', label: '上传和导出的文件', count: 0 },
  ],
  total: 15,
};

async function render() {
  const fake = setUpSettings({ tier: 'root-admin' });
  const fixture = TestBed.createComponent(CleanupPage);
  await settle(fixture);
  const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  const date = await root.getHarness(MatInputHarness.with({ selector: '[data-testid=cleanup-date]' }));
  return { fixture, fake, root, date };
}

describe('CleanupPage', () => {
  it('turns a picked day into yyyy-MM-dd', () => {
    expect(dayOf(new Date(2025, 0, 5))).toBe('2025-01-05');
  });

  it('previews what a date would delete, confirms with the list, then deletes and shows the result', async () => {
    const { fixture, fake, root, date } = await render();
    fake.answer(CONFIG_CLEANUP_PREVIEW, PREVIEW).answer(CONFIG_CLEANUP, { ...PREVIEW, total: 15 });
    await date.setValue('2025/6/1');
    await date.blur();
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await until(fixture, () => fixture.nativeElement.querySelector('[data-testid=cleanup-preview]') !== null);
    expect(fake.callsTo(CONFIG_CLEANUP_PREVIEW)).toEqual([{ before: '2025-06-01' }]);
    const preview = text(fixture.nativeElement.querySelector('[data-testid=cleanup-preview]'));
    expect(preview).toContain('审计日志记录');
    expect(preview).toContain('12');
    expect(text(fixture.nativeElement.querySelector('[data-testid=cleanup-total]'))).toBe('15');

    await (await root.getHarness(MatButtonHarness.with({ text: /删除这些数据/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('删除 2025-06-01 之前的数据？');
    const message = await dialog.getContentText();
    expect(message).toContain('00:00（北京时间）之前');
    expect(message).toContain('审计日志记录：12');
    expect(message).toContain('已结束的后台任务：3');
    expect(message).not.toContain('上传和导出的文件');
    expect(message).toContain('无法恢复');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '永久删除' }))).click();
    await until(fixture, () => fixture.nativeElement.querySelector('[data-testid=cleanup-result]') !== null);
    expect(fake.callsTo(CONFIG_CLEANUP)).toEqual([{ before: '2025-06-01' }]);
    expect(text(fixture.nativeElement.querySelector('[data-testid=cleanup-result]'))).toContain(
      '已删除 2025-06-01 之前的 15 项数据',
    );
  });

  it('deletes nothing when the confirmation is cancelled', async () => {
    const { fixture, fake, root, date } = await render();
    fake.answer(CONFIG_CLEANUP_PREVIEW, PREVIEW);
    await date.setValue('2025/6/1');
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await until(fixture, () => fixture.nativeElement.querySelector('[data-testid=cleanup-preview]') !== null);
    await (await root.getHarness(MatButtonHarness.with({ text: /删除这些数据/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: '取消' }))).click();
    await until(fixture, () => document.querySelector('mat-dialog-container') === null);
    expect(fake.callsTo(CONFIG_CLEANUP)).toEqual([]);
  });

  it('says when there is nothing to delete', async () => {
    const { fixture, fake, root, date } = await render();
    fake.answer(CONFIG_CLEANUP_PREVIEW, {
      ...PREVIEW,
      items: PREVIEW.items.map((i) => ({ ...i, count: 0 })),
      total: 0,
    });
    await date.setValue('2025/6/1');
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await until(fixture, () => text(fixture.nativeElement).includes('没有可清理的数据'));
    expect(await root.getAllHarnesses(MatButtonHarness.with({ text: /删除这些数据/ }))).toEqual([]);
  });

  it("shows the host's refusal of the date on the field, and asks for a date first", async () => {
    const { fixture, fake, root, date } = await render();
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('请选择日期');
    expect(fake.callsTo(CONFIG_CLEANUP_PREVIEW)).toEqual([]);

    fake.fail(CONFIG_CLEANUP_PREVIEW, {
      code: 'INVALID_INPUT',
      message: '不能清理最近一天内的数据：请选择 2025-06-14 或更早的日期。',
      details: { field: 'before' },
    });
    await date.setValue('2020/1/1');
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await until(fixture, () => text(fixture.nativeElement).includes('请选择 2025-06-14 或更早的日期'));
  });

  it('keeps the preview when the clean-up fails, and says nothing was deleted', async () => {
    const { fixture, fake, root, date } = await render();
    fake.answer(CONFIG_CLEANUP_PREVIEW, PREVIEW).fail(CONFIG_CLEANUP, {
      code: 'INTERNAL',
      message: '删除「测试」时出错，本次清理没有删除任何数据。',
    });
    await date.setValue('2025/6/1');
    await (await root.getHarness(MatButtonHarness.with({ text: /预览/ }))).click();
    await until(fixture, () => fixture.nativeElement.querySelector('[data-testid=cleanup-preview]') !== null);
    await (await root.getHarness(MatButtonHarness.with({ text: /删除这些数据/ }))).click();
    await (
      await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '永久删除' }))
    ).click();
    await until(fixture, () => text(fixture.nativeElement).includes('没有删除任何数据'));
    expect(fixture.nativeElement.querySelector('[data-testid=cleanup-preview]')).not.toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid=cleanup-result]')).toBeNull();
  });
});
