// The CJK font the chart PNGs are drawn with, per platform. resvg has no font of its own: a chart whose
// family it cannot find draws its Chinese labels as nothing, so every render names a real font file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ChartFont {
  /** Font files resvg loads (TrueType/OpenType, collections included). */
  files: string[];
  /** Also scan the system's font folders (slower: hundreds of files on Windows). */
  loadSystemFonts: boolean;
  /** The family every chart text is set in (the option's textStyle.fontFamily and resvg's default). */
  family: string;
}

interface Candidate {
  file: string;
  family: string;
}

function candidates(platform: NodeJS.Platform): Candidate[] {
  if (platform === 'win32') {
    const fonts = join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts');
    return [
      { file: join(fonts, 'msyh.ttc'), family: 'Microsoft YaHei' },
      { file: join(fonts, 'simhei.ttf'), family: 'SimHei' },
      { file: join(fonts, 'simsun.ttc'), family: 'SimSun' },
    ];
  }
  if (platform === 'darwin') {
    return [
      { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
      { file: '/System/Library/Fonts/STHeiti Medium.ttc', family: 'Heiti SC' },
    ];
  }
  // Linux: .ci/run installs fonts-wqy-zenhei; Noto CJK is the other common package.
  return [
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  ];
}

const cache = new Map<NodeJS.Platform, ChartFont>();

/**
 * The font for this platform: the first CJK font file found; none found, the system fonts with the
 * platform's usual CJK family (resvg falls back to whatever it has, so labels may then miss glyphs).
 */
export function chartFont(platform: NodeJS.Platform = process.platform): ChartFont {
  const known = cache.get(platform);
  if (known !== undefined) return known;
  const list = candidates(platform);
  const found = list.find((candidate) => existsSync(candidate.file));
  const font: ChartFont =
    found !== undefined
      ? { files: [found.file], loadSystemFonts: false, family: found.family }
      : { files: [], loadSystemFonts: true, family: list[0]?.family ?? 'sans-serif' };
  cache.set(platform, font);
  return font;
}
