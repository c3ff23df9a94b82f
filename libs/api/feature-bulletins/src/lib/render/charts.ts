import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import * as fontkit from 'fontkit';
import type { BulletinChart } from '@efficacy/api-contract';

export interface RenderedChart {
  readonly code: string;
  readonly title: string;
  readonly svg: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** CJK families tried in order; Noto CJK is what Debian's fonts-noto-cjk installs. */
const CHART_FONT = "'Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', sans-serif";
const KNOWN_CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];
/** What to install when there is none, in the words of the error. */
export const CJK_FONT_ADVICE = "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)";

/** A chart would print boxes for its Chinese labels: no document is produced. */
export class ChartFontError extends Error {
  override readonly name = 'ChartFontError';
}

export interface CjkFont {
  readonly file: string;
  /** The family resvg is told to use for sans-serif text. */
  readonly family: string;
  hasGlyph(char: string): boolean;
}

let found: CjkFont | undefined;

function openCjk(file: string): CjkFont | undefined {
  try {
    const opened = fontkit.openSync(file);
    const faces: fontkit.Font[] = 'fonts' in opened ? opened.fonts : [opened];
    // A collection holds JP, KR, SC, TC faces: the simplified Chinese one draws our labels.
    const face =
      faces.find((f) => / SC$/.test(f.familyName)) ??
      faces.find((f) => f.hasGlyphForCodePoint(0x4e2d));
    if (!face || !face.hasGlyphForCodePoint(0x4e2d)) return undefined;
    return {
      file,
      family: face.familyName,
      hasGlyph: (char) => face.hasGlyphForCodePoint(char.codePointAt(0) ?? 0),
    };
  } catch {
    return undefined;
  }
}

/**
 * The server's CJK font, looked for until one is found (so a font installed while the server
 * runs is used by the next chart); opened once, since a collection is 20 MB.
 */
export function findCjkFont(): CjkFont | undefined {
  if (found) return found;
  const candidates = KNOWN_CJK_FONTS.filter((f) => existsSync(f));
  try {
    const matched = execFileSync('fc-match', ['-f', '%{file}', 'sans-serif:lang=zh-cn'], {
      encoding: 'utf8',
      timeout: 5000,
    }).trim();
    if (matched && existsSync(matched)) candidates.push(matched);
  } catch {
    // no fontconfig: the known paths are all there is
  }
  for (const file of candidates) {
    found = openCjk(file);
    if (found) return found;
  }
  return undefined;
}

/** Every piece of text a chart prints (title, unit names, axis and target labels). */
export function chartTexts(chart: BulletinChart): string[] {
  const common = [chart.title, chart.unit, '目标', '0123456789.%-'];
  return chart.kind === 'ranking'
    ? [...common, ...chart.bars.map((b) => b.name)]
    : [...common, '月', ...chart.points.map((p) => p.month)];
}

/** The characters of `texts` the font has no glyph for (each once, in order). */
export function missingGlyphs(font: CjkFont, texts: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const char of texts.join('')) {
    if (/\s/.test(char)) continue;
    if (!font.hasGlyph(char)) missing.add(char);
  }
  return [...missing];
}

/** The font a chart is drawn with, or the one sentence that says why it cannot be. */
export function fontFor(chart: BulletinChart): CjkFont {
  const font = findCjkFont();
  if (!font) {
    throw new ChartFontError(
      `the chart "${chart.title}" cannot be drawn: the server has no CJK font, so its Chinese labels would print as boxes; ${CJK_FONT_ADVICE}`,
    );
  }
  const missing = missingGlyphs(font, chartTexts(chart));
  if (missing.length > 0) {
    throw new ChartFontError(
      `the chart "${chart.title}" cannot be drawn: the font ${font.file} has no glyph for ${missing.slice(0, 10).join(' ')}; ${CJK_FONT_ADVICE}`,
    );
  }
  return font;
}

/** The ECharts option of a bulletin chart; the console renders the same option with ngx-echarts. */
export function chartOption(chart: BulletinChart): Record<string, unknown> {
  const targetLine =
    chart.target !== undefined
      ? {
          markLine: {
            symbol: 'none',
            label: { formatter: `目标 ${chart.target}${chart.unit}` },
            lineStyle: { color: '#cf1322', type: 'dashed' },
            data: [chart.kind === 'ranking' ? { xAxis: chart.target } : { yAxis: chart.target }],
          },
        }
      : {};
  if (chart.kind === 'ranking') {
    const bars = [...chart.bars].reverse();
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      title: { text: chart.title, left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 8, right: 48, top: 40, bottom: 16, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: `{value}${chart.unit}` } },
      yAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: '#1d39c4' },
          label: { show: true, position: 'right', formatter: `{c}${chart.unit}`, fontSize: 10 },
          ...targetLine,
        },
      ],
    };
  }
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    title: { text: chart.title, left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 8, right: 24, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: chart.points.map((p) => `${Number(p.month.slice(5))}月`) },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${chart.unit}` } },
    series: [
      {
        type: 'line',
        data: chart.points.map((p) => p.value),
        connectNulls: false,
        label: { show: true, formatter: `{c}${chart.unit}` },
        ...targetLine,
      },
    ],
  };
}

/**
 * Renders a chart on the server: ECharts' SSR to SVG, then resvg to PNG for the .docx, with
 * the machine's CJK font. A chart whose labels the font cannot draw is refused
 * (ChartFontError) rather than drawn with boxes.
 */
export function renderChart(chart: BulletinChart, width = 900): RenderedChart {
  const font = fontFor(chart);
  const height =
    chart.kind === 'ranking' ? Math.max(240, 60 + chart.bars.length * 20) : Math.round(width / 2);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOption(chart));
    const svg = instance.renderToSVGString();
    const png = new Resvg(svg, {
      background: '#ffffff',
      fitTo: { mode: 'width', value: width * 2 },
      font: {
        loadSystemFonts: false,
        fontFiles: [font.file],
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
    })
      .render()
      .asPng();
    return { code: chart.code, title: chart.title, svg, png, width, height };
  } finally {
    instance.dispose();
  }
}
