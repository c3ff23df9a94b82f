import { Resvg } from '@resvg/resvg-js';
import type { BulletinChart } from '@efficacy/api-contract';
import { ChartFontError, findCjkFont, missingGlyphs, renderChart } from './charts';

const ranking = (names: readonly string[]): BulletinChart => ({
  kind: 'ranking',
  code: 'ranking-offline_evaluation_rate',
  title: '各单位线下参评率排名',
  indicator: 'offline_evaluation_rate',
  unit: '%',
  bars: names.map((name, i) => ({ name, value: 90 + i })),
  target: 98.5,
});

/** The text drawn alone with the server's font, as resvg rasterises a chart's labels. */
function draw(text: string, file: string, family: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><text x="10" y="40" font-size="32" font-family="${family}">${text}</text></svg>`;
  return new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: family },
  })
    .render()
    .asPng();
}

describe('charts in Chinese on the server', () => {
  const font = findCjkFont();

  it('finds a CJK font, or refuses to draw with one sentence saying what to install', () => {
    if (!font) {
      expect(() => renderChart(ranking(['金凤区审批服务管理局', '良田镇民生服务中心']))).toThrow(
        /^the chart "各单位线下参评率排名" cannot be drawn: the server has no CJK font, so its Chinese labels would print as boxes; install Debian's fonts-noto-cjk/,
      );
      console.warn('no CJK font on this machine: only the refusal could be checked');
      return;
    }
    expect(missingGlyphs(font, ['金凤区审批服务管理局各单位线下参评率排名目标8月'])).toEqual([]);
  });

  it('draws a known Chinese string with real glyphs, not the missing-glyph box', () => {
    if (!font) return;
    // Three characters the font lacks all print as the same box; three it has do not.
    const known = draw('金凤区', font.file, font.family);
    const boxes = draw('\uE000\uE001\uE002', font.file, font.family);
    expect(missingGlyphs(font, ['\uE000\uE001\uE002'])).toEqual(['\uE000', '\uE001', '\uE002']);
    expect(known.equals(boxes)).toBe(false);
    expect(draw('金', font.file, font.family).equals(draw('凤', font.file, font.family))).toBe(
      false,
    );
    const png = renderChart(ranking(['金凤区审批服务管理局', '良田镇民生服务中心'])).png;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses a chart whose labels the font cannot draw instead of printing boxes', () => {
    if (!font) return;
    const chart = ranking(['金凤区审批服务管理局', '\uE000民生服务中心']);
    expect(() => renderChart(chart)).toThrow(ChartFontError);
    expect(() => renderChart(chart)).toThrow(
      `the chart "各单位线下参评率排名" cannot be drawn: the font ${font.file} has no glyph for \uE000; install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)`,
    );
  });
});
