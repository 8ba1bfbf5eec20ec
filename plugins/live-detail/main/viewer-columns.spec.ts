// The export's viewer pages as columns (viewer-columns.ts): what the worker unpacks is what the store read,
// across a real thread, for the viewers WeCom really sends (members without a name, external users of both
// types and of none, null inviters, a self-invite, check-ins in several rounds, one without a time).
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { ViewerDetail } from '../../../sdk/contracts/lives.js';
import { packViewers, unpackViewers, type ViewerColumns } from './viewer-columns.js';

const base = {
  externalType: null,
  isComment: false,
  isMic: false,
  invitorUserid: null,
  invitorExternalUserid: null,
  inviterName: null,
  inviterRule: null,
  checkins: [],
};

const VIEWERS: ViewerDetail[] = [
  {
    ...base,
    kind: 'internal',
    viewerId: 'LiSi',
    name: '',
    watchTime: 3600,
    isMic: true,
    invitorUserid: 'LiSi',
    inviterRule: 'self',
    checkins: [
      { roundNo: 1, title: '第一次签到', at: 1_741_839_420 },
      { roundNo: 3, title: '第三次签到', at: null },
    ],
  },
  {
    ...base,
    kind: 'external',
    viewerId: 'wmA',
    externalType: 1,
    name: '张伟',
    watchTime: 0,
    isComment: true,
    invitorExternalUserid: 'wmB',
    inviterName: '张伟',
    inviterRule: 'viewer',
  },
  { ...base, kind: 'external', viewerId: 'wmB', externalType: 2, name: '张伟', watchTime: 59.5 },
  {
    ...base,
    kind: 'external',
    viewerId: 'wmC',
    externalType: 7,
    name: '<&"客户"\t>',
    watchTime: 59,
    checkins: [{ roundNo: 3, title: '第三次签到', at: 1_741_841_220 }],
  },
];

/** What the worker receives: the columns after a structured clone through a real message port. */
function sentThroughPort(columns: ViewerColumns): ViewerColumns {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(columns);
  const received = receiveMessageOnPort(port2)?.message as ViewerColumns;
  port1.close();
  return received;
}

describe('viewer columns (the detail export’s pages between threads)', () => {
  it('unpacks across a thread exactly what was packed', () => {
    expect(unpackViewers(sentThroughPort(packViewers(VIEWERS)))).toEqual(VIEWERS);
  });

  it('packs one array per field, check-ins flattened with each viewer’s range', () => {
    const columns = packViewers(VIEWERS);
    expect(columns.viewerId).toEqual(['LiSi', 'wmA', 'wmB', 'wmC']);
    expect([...columns.checkinStart]).toEqual([0, 2, 2, 2, 3]);
    expect([...columns.checkinRound]).toEqual([1, 3, 3]);
    expect(Number.isNaN(columns.checkinAt[1])).toBeTrue();
    expect(columns.roundTitles).toEqual({ 1: '第一次签到', 3: '第三次签到' });
  });

  it('answers nothing for an empty page', () => {
    expect(unpackViewers(sentThroughPort(packViewers([])))).toEqual([]);
  });
});
