// A live's cover and share image (R3.1): checked in the host, uploaded as temporary media at submit
// time, passed to living/create; against the WeCom simulator over HTTP and real uploaded files.
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { uploadBytes } from '../../../tests/support/uploads.js';
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
import { dataOf, sessionFor } from '../../../tests/support/runtime-harness.js';
import { startSimWorld, stopSimWorld, type SimWorld } from '../../../tests/support/sim-world.js';
import type { CheckedImageAnswer, CreatedLiveAnswer } from '../shared/live-create-api.js';

type Runtime = SimWorld['runtime'];

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A JPEG's signature and JFIF header (WeCom and the host look at the first bytes). */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(200, 1),
]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

interface StoredMediaView {
  media_id: string;
  type: string;
  size: number;
}

describe('live-create images: cover and share image of an activity live', () => {
  let world: SimWorld;
  let client: SimClient;
  let runtime: Runtime;
  let session: string;
  let anchor: string;
  let counter = 0;

  beforeAll(async () => {
    world = await startSimWorld(
      'live-images',
      { seed: 11, lives: 4, viewers: 20, members: 6 },
      { corpname: '图片企业' },
    );
    ({ client, runtime } = world);
    session = await sessionFor(runtime, 'user', 'image-user', world.corpId);
    anchor = (await client.data()).specials.mainAnchorUserid;
  });

  afterAll(() => stopSimWorld(world));

  beforeEach(async () => {
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'clock', { now: Math.floor(Date.now() / 1000) });
  });

  /** A file uploaded by the session's account, as FileTransfer leaves it. */
  async function upload(name: string, data: Buffer, as = session): Promise<string> {
    return uploadBytes(runtime, name, data, as);
  }

  function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    counter += 1;
    return {
      anchor_userid: anchor,
      theme: `发布会${counter}`,
      living_start: Math.floor(Date.now() / 1000) + 5 * 3600 + counter,
      living_duration: 3600,
      type: 4,
      ...overrides,
    };
  }

  const call = (channel: string, body: unknown): Promise<RpcResult> =>
    runtime.router.dispatch(`live-create.${channel}`, body, session);

  async function media(): Promise<StoredMediaView[]> {
    return (await client.admin<{ media: StoredMediaView[] }>('GET', 'media')).media;
  }

  async function simLive(livingid: string): Promise<Record<string, unknown>> {
    return client.admin('GET', `lives/${livingid}`);
  }

  function errorOf(result: RpcResult): { code: string; message: string; field: unknown } {
    if (result.ok) throw new Error('expected a failure');
    return { code: result.error.code, message: result.error.message, field: result.error.details?.['field'] };
  }

  it('uploads both images as temporary media at submit time and passes their media ids to living/create', async () => {
    const before = (await media()).length;
    const cover = await upload('封面.png', PNG);
    const share = await upload('share.JPG', JPEG);
    expect((await media()).length)
      .withContext('nothing is sent to WeCom before submit')
      .toBe(before);
    const answer = dataOf<CreatedLiveAnswer>(
      await call('create', input({ cover_file_id: cover, share_file_id: share })),
    );
    const uploaded = (await media()).slice(before);
    expect(uploaded.map((item) => [item.type, item.size])).toEqual([
      ['image', PNG.length],
      ['image', JPEG.length],
    ]);
    const live = await simLive(answer.livingid);
    expect(live['activity_cover_mediaid']).toBe(uploaded[0]?.media_id);
    expect(live['activity_share_mediaid']).toBe(uploaded[1]?.media_id);
    const audit = (await runtime
      .db('audit_log')
      .where({ action: 'live-create.create' })
      .orderBy('id', 'desc')
      .first()) as {
      detail: string;
    };
    expect(JSON.parse(audit.detail)['images']).toEqual(['封面图', '分享图']);
  });

  it('creates one live and uploads once when the same request is sent again', async () => {
    const cover = await upload('cover.png', PNG);
    const body = input({ cover_file_id: cover, idempotencyKey: `img-${Date.now()}-${counter}` });
    const before = (await media()).length;
    const first = dataOf<CreatedLiveAnswer>(await call('create', body));
    const again = dataOf<CreatedLiveAnswer>(await call('create', body));
    expect(again.livingid).toBe(first.livingid);
    expect(again.replayed).toBeTrue();
    expect((await media()).length - before).toBe(1);
    const data = await client.data();
    expect(data.lives.filter((live) => live.livingid === first.livingid).length).toBe(1);
  });

  it('does not create twice when WeCom created the live but answered -1 (the cover goes with it)', async () => {
    await client.admin('POST', 'faults', {
      api: 'living/create',
      errcode: -1,
      afterProcessing: true,
      times: 1,
    });
    const cover = await upload('cover.png', PNG);
    const body = input({ cover_file_id: cover, idempotencyKey: `amb-${Date.now()}-${counter}` });
    const answer = dataOf<CreatedLiveAnswer>(await call('create', body));
    expect(answer.reconciled).toBeTrue();
    const data = await client.data();
    expect(data.lives.filter((live) => live.theme === body['theme']).length).toBe(1);
    expect((await simLive(answer.livingid))['activity_cover_mediaid']).toEqual(jasmine.any(String));
  });

  it('refuses an image that is not JPG/PNG, naming the field; nothing is uploaded or created', async () => {
    const before = (await media()).length;
    const livesBefore = (await client.data()).lives.length;
    const gif = await upload('动图.png', GIF);
    const error = errorOf(await call('create', input({ cover_file_id: gif })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('cover_file_id');
    expect(error.message).toContain('封面图：只支持 JPG 或 PNG 图片');
    expect((await media()).length).toBe(before);
    expect((await client.data()).lives.length).toBe(livesBefore);
  });

  it('refuses an image over 10 MB and an empty one, naming the field and what to do', async () => {
    const big = await upload('big.jpg', Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]));
    const tooBig = errorOf(await call('create', input({ share_file_id: big })));
    expect(tooBig.field).toBe('share_file_id');
    expect(tooBig.message).toMatch(/^分享图：图片为 10\.0 MB，超过企业微信的 10 MB 上限，请压缩后重新选择/);
    const empty = await upload('empty.png', PNG.subarray(0, 4));
    expect(errorOf(await call('checkImage', { field: 'cover', fileId: empty })).message).toContain('封面图');
  });

  it('refuses images on a live that is not an activity live', async () => {
    const cover = await upload('cover.png', PNG);
    const error = errorOf(await call('create', input({ type: 3, cover_file_id: cover })));
    expect(error.field).toBe('cover_file_id');
    expect(error.message).toContain('只有「活动直播」使用封面图和分享图');
  });

  it('previews a checked image for the form, and refuses another account’s file', async () => {
    const cover = await upload('cover.png', PNG);
    const preview = dataOf<CheckedImageAnswer>(await call('checkImage', { field: 'cover', fileId: cover }));
    expect(preview.dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(preview.size).toBe(PNG.length);
    const other = await sessionFor(
      runtime,
      'user',
      'someone-else',
      (await runtime.sessions.resolve(session)).corp?.corpId ?? '',
    );
    const theirs = await upload('theirs.png', PNG, other);
    expect(errorOf(await call('checkImage', { field: 'cover', fileId: theirs })).message).toContain(
      '找不到已上传的图片',
    );
  });
});
