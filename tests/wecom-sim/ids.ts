import { HEX_ALPHABET, ID_ALPHABET, Prng, TOKEN_ALPHABET } from './prng.js';

/** WeCom-shaped identifiers: livingids start with "lv", external userids with "wm", both 32 chars. */
export class IdFactory {
  private readonly used = new Set<string>();

  constructor(
    private readonly prng: Prng,
    /** Six characters shared by every id of the corp, as WeCom's ids share a corp prefix. */
    private readonly corpTag: string,
  ) {}

  livingid(): string {
    return this.unique(() => `lv${this.corpTag}AA${this.prng.string(ID_ALPHABET, 22)}`);
  }

  externalUserid(): string {
    return this.unique(() => `wm${this.corpTag}AA${this.prng.string(ID_ALPHABET, 22)}`);
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

export function makeCorpid(prng: Prng): string {
  return `wwsim${prng.string(HEX_ALPHABET, 13)}`;
}

export function makeCorpSecret(prng: Prng): string {
  return prng.string(TOKEN_ALPHABET, 43);
}

export function makeCorpTag(prng: Prng): string {
  return prng.string(ID_ALPHABET, 6);
}
