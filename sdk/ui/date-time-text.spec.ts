import { TestBed } from '@angular/core/testing';
import type { HostStatus } from '../contracts/host-status.js';
import { DateTimeText, formatDateTime } from './date-time-text.js';
import { RpcClient } from './rpc-client.js';
import { AppSession } from './session.js';
import { provideAppState } from './state/app-state.js';
import { FakeTransport } from './testing/fake-transport.js';
import { HOST_STATUS } from '../contracts/host-channels.js';

// 2025-03-13T04:17:05Z: 12:17:05 in Beijing, 13:17:05 in Tokyo.
const INSTANT = Date.UTC(2025, 2, 13, 4, 17, 5);

describe('formatDateTime', () => {
  it('shows the instant in the given zone as yyyy-MM-dd HH:mm:ss, whatever the machine zone', () => {
    expect(formatDateTime(INSTANT, 'Asia/Shanghai')).toBe('2025-03-13 12:17:05');
    expect(formatDateTime(Date.UTC(2024, 11, 31, 16, 0, 0), 'Asia/Shanghai')).toBe('2025-01-01 00:00:00');
    expect(formatDateTime(INSTANT, 'Asia/Tokyo')).toBe('2025-03-13 13:17:05');
  });

  it('shows a dash when there is no time', () => {
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
    expect(formatDateTime(undefined, 'Asia/Shanghai')).toBe('—');
    expect(formatDateTime(Number.NaN, 'Asia/Shanghai')).toBe('—');
  });
});

describe('DateTimeText', () => {
  it('uses Asia/Shanghai until host.status names the installation zone, then that zone', async () => {
    const status: HostStatus = { version: '1.0.0', firstRun: false, plugins: [], timeZone: 'Asia/Tokyo' };
    TestBed.configureTestingModule({ providers: [provideAppState()] });
    TestBed.inject(RpcClient).use(new FakeTransport().answer(HOST_STATUS, status));
    const text = TestBed.inject(DateTimeText);
    expect(text.format(INSTANT)).toBe('2025-03-13 12:17:05');
    await TestBed.inject(AppSession).refreshStatus();
    expect(text.format(INSTANT)).toBe('2025-03-13 13:17:05');
  });
});
