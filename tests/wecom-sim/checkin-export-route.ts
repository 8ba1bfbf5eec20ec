// GET /__sim/checkin-export/<livingid>?rounds=10&rows=5000&seed=7: the live's check-in workbook made on
// the fly (see checkin-export.ts), as the console's download would hand it over; the facts of what was
// written go in the X-Sim-Facts header (JSON, URI-encoded) so a spec can check the import against them.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCheckinExport } from './checkin-export.js';
import type { SimContext } from './context.js';
import { sendJson } from './http-util.js';

const MAX_ROUNDS = 12;
const MAX_ROWS = 20_000;

export async function sendCheckinExport(url: URL, res: ServerResponse, ctx: SimContext): Promise<void> {
  const livingid = decodeURIComponent(url.pathname.slice('/__sim/checkin-export/'.length));
  const live = ctx.state.live(livingid);
  if (live === undefined) {
    sendJson(res, 404, { ok: false, error: `unknown livingid ${livingid}` });
    return;
  }
  const number = (name: string, fallback: number, max: number): number => {
    const value = Number(url.searchParams.get(name) ?? fallback);
    return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
  };
  const dir = await mkdtemp(join(tmpdir(), 'wecom-sim-checkin-'));
  const path = join(dir, 'checkin.xlsx');
  try {
    const facts = await writeCheckinExport(path, live, ctx.state.data.members, {
      rounds: number('rounds', 3, MAX_ROUNDS),
      rowsPerRound: number('rows', 50, MAX_ROWS),
      seed: number('seed', 7, 2 ** 31),
    });
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-sim-facts': encodeURIComponent(JSON.stringify(facts)),
    });
    await new Promise<void>((resolve, reject) => {
      createReadStream(path).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
