/** Answers of the detail page's replay, living-code and share-code channels (R10.1). */

/** `live-detail.deleteReplay`. */
export interface DeleteReplayAnswer {
  livingid: string;
  theme: string;
  /** WeCom's replay_status after the deletion (2 = deleted), or null when not reported. */
  replayStatus: number | null;
}

/** `live-detail.livingCode`: a WeChat viewing code for one openid, as text and as a QR image. */
export interface LivingCodeAnswer {
  livingid: string;
  openid: string;
  livingCode: string;
  /** PNG data URL of the QR code of `livingCode`. */
  qrDataUrl: string;
  /** ISO time: WeCom's codes are valid five minutes. */
  expiresAt: string;
}

/** One person of a share, named as far as the local data and WeCom allow. */
export interface SharePerson {
  kind: 'internal' | 'external';
  id: string;
  /** '' when nobody could name them. */
  name: string;
}

/** `live-detail.shareInfo`: who arrived by a shared link (ww_share_code) and who shared it. */
export interface ShareInfoAnswer {
  livingid: string;
  viewer: SharePerson | null;
  invitor: SharePerson | null;
}
