import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
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

let cjkFont: string | null | undefined;

/**
 * One CJK font file, found once: loading every system font (several CJK collections of
 * 20 MB each) for every chart would make rendering slow.
 */
function chartFontFile(): string | null {
  if (cjkFont !== undefined) return cjkFont;
  cjkFont = KNOWN_CJK_FONTS.find((f) => existsSync(f)) ?? null;
  if (!cjkFont) {
    try {
      const found = execFileSync('fc-match', ['-f', '%{file}', 'sans-serif:lang=zh-cn'], {
        encoding: 'utf8',
        timeout: 5000,
      }).trim();
      cjkFont = found && existsSync(found) ? found : null;
    } catch {
      cjkFont = null;
    }
  }
  return cjkFont;
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
 * Renders a chart on the server: ECharts' SSR to SVG, then resvg to PNG for the .docx. Text
 * uses a CJK font found on the machine; without one the bars still render, the labels do not.
 */
export function renderChart(chart: BulletinChart, width = 900): RenderedChart {
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
        fontFiles: [chartFontFile()].filter((f): f is string => f !== null),
        defaultFontFamily: 'Noto Sans CJK SC',
        sansSerifFamily: 'Noto Sans CJK SC',
      },
    })
      .render()
      .asPng();
    return { code: chart.code, title: chart.title, svg, png, width, height };
  } finally {
    instance.dispose();
  }
}
