import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { JobSnapshot } from '../contracts/jobs.js';
import { provideAppIcons } from './icons.js';
import { JOB_POLL_MS, JobProgressComponent } from './job-progress.js';
import { RpcClient } from './rpc-client.js';
import { FakeTransport } from './testing/fake-transport.js';
import { JOBS_CANCEL, JOBS_GET } from '../contracts/jobs-channels.js';

@Component({
  imports: [JobProgressComponent],
  template: `<wl-job-progress [jobId]="jobId()" label="同步直播列表" (finished)="finished.push($event)" />`,
})
class Host {
  readonly jobId = signal('job-1');
  readonly finished: JobSnapshot[] = [];
}

function snapshot(fields: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    jobId: 'job-1',
    kind: 'live-list.sync',
    state: 'running',
    done: 3,
    total: 10,
    message: '正在拉取直播详情',
    ...fields,
  };
}

describe('JobProgressComponent', () => {
  let fake: FakeTransport;
  let fixture: ComponentFixture<Host>;
  let current: JobSnapshot;

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    current = snapshot();
    fake = new FakeTransport()
      .answer(JOBS_GET, () => current)
      .answer(JOBS_CANCEL, () => (current = snapshot({ state: 'cancelled', message: '已取消' })));
    TestBed.configureTestingModule({
      providers: [provideAppIcons(), { provide: JOB_POLL_MS, useValue: 30 }],
    });
    const rpc = TestBed.inject(RpcClient);
    rpc.use(fake);
    rpc.setSession('s1');
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  afterEach(() => TestBed.inject(RpcClient).setSession(null));

  it('shows done/total, the message and a determinate bar while running', () => {
    expect(text()).toContain('同步直播列表');
    expect(text()).toContain('3 / 10');
    expect(text()).toContain('正在拉取直播详情');
    const bar = (fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('30');
    expect(fake.callsTo(JOBS_GET)[0]).toEqual({ jobId: 'job-1' });
  });

  it('follows job.progress and ignores other jobs', async () => {
    current = snapshot({ done: 7, message: '第 7 场' });
    fake.emit('job.progress', current);
    fake.emit('job.progress', snapshot({ jobId: 'other', done: 9 }));
    await settle();
    expect(text()).toContain('7 / 10');
    expect(text()).toContain('第 7 场');
  });

  it('ends on job.done: no cancel button, a done state, finished emitted once', async () => {
    current = snapshot({ state: 'done', done: 10, message: '同步完成' });
    fake.emit('job.done', current);
    fake.emit('job.done', current);
    await settle();
    expect(text()).toContain('同步完成');
    expect(text()).not.toContain('取消');
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar')).toBeNull();
    expect(fixture.componentInstance.finished.map((job) => job.state)).toEqual(['done']);
  });

  it('shows a failed job with its error in Chinese', async () => {
    current = snapshot({
      state: 'failed',
      error: { code: 'WECOM_ERROR', message: '无权限', details: { errcode: 48002 } },
    });
    fake.emit('job.failed', current);
    await settle();
    expect(text()).toContain('无权限（错误码 48002）');
    expect((fixture.nativeElement as HTMLElement).querySelector('.message.error')).not.toBeNull();
  });

  it('cancels through jobs.cancel', async () => {
    const cancel = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((b) =>
      b.textContent?.includes('取消'),
    );
    cancel?.click();
    await settle();
    expect(fake.callsTo(JOBS_CANCEL)).toEqual([{ jobId: 'job-1' }]);
    expect(text()).toContain('已取消');
    expect(fixture.componentInstance.finished.map((job) => job.state)).toEqual(['cancelled']);
  });

  it('polls jobs.get while the job runs', async () => {
    current = snapshot({ done: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await settle();
    expect(fake.callsTo(JOBS_GET).length).toBeGreaterThanOrEqual(2);
    expect(text()).toContain('5 / 10');
  });

  it('offers a retry when the job cannot be read', async () => {
    fake.fail(JOBS_GET, { code: 'NOT_FOUND', message: '任务不存在' });
    fixture.componentInstance.jobId.set('job-2');
    await settle();
    expect(text()).toContain('任务不存在');
    expect(text()).toContain('重试');
  });
});
