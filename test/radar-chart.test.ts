import { describe, expect, it } from 'vitest';
import { renderRadarChart, type RadarAxis, type RadarChartInput } from '../src/view/radar-chart.js';

const em6: RadarChartInput = {
  idPrefix: 'chart-em6',
  title: 'EM6 radar',
  description: 'Expectations of an EM6.',
  axes: [
    { name: 'Technology', ranks: 5, caption: 'Evangelizes' },
    { name: 'System', ranks: 5, caption: 'Evolves' },
    { name: 'People', ranks: 5, caption: 'Manages' },
    { name: 'Process', ranks: 5, caption: 'Defines' },
    { name: 'Influence', ranks: 5, caption: 'Team' },
  ],
  shapes: [{ label: 'EM6', values: [3, 4, 5, 5, 2] }],
};

const em5: RadarChartInput['shapes'][number] = { label: 'EM5', values: [2, 3, 4, 4, 2] };

function chartWith(axes: RadarAxis[], values: number[]): RadarChartInput {
  return { ...em6, axes, shapes: [{ label: 'Shape', values }] };
}

function axesOf(ranks: number[]): RadarAxis[] {
  return ranks.map((rank, i) => ({ name: `Axis ${i}`, ranks: rank }));
}

/** Centre and radius as the chart draws them: the first spoke runs from the centre straight up to the outer ring. */
function readGeometry(svg: string): { cx: number; cy: number; radius: number } {
  const spoke = /<line class="ladders-chart-spoke" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg);
  if (!spoke) throw new Error('no spoke found');
  const [x1, y1, x2, y2] = spoke.slice(1).map(Number) as [number, number, number, number];
  expect(x2).toBeCloseTo(x1, 5);
  expect(y2).toBeLessThan(y1);
  return { cx: x1, cy: y1, radius: y1 - y2 };
}

function readPolygonPoints(svg: string, className: string): Array<[number, number]> {
  const match = new RegExp(`<polygon class="${className}"[^>]* points="([^"]*)"`).exec(svg);
  if (!match) throw new Error(`no polygon ${className}`);
  return match[1]!.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

function expectVertex(svg: string, index: number, value: number, ranks: number, axisCount: number): void {
  const { cx, cy, radius } = readGeometry(svg);
  const angle = ((-90 + (360 * index) / axisCount) * Math.PI) / 180;
  const [x, y] = readPolygonPoints(svg, 'ladders-chart-shape-1')[index]!;
  expect(x).toBeCloseTo(cx + ((radius * value) / ranks) * Math.cos(angle), 1);
  expect(y).toBeCloseTo(cy + ((radius * value) / ranks) * Math.sin(angle), 1);
}

function count(svg: string, text: string): number {
  return svg.split(text).length - 1;
}

describe('renderRadarChart', () => {
  it('starts as a standalone SVG element with a viewBox and size', () => {
    const svg = renderRadarChart(em6);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
  });

  it('places each vertex of 5 axes at R·v/k along its axis, the first straight up', () => {
    const svg = renderRadarChart(em6);
    const { cx, cy, radius } = readGeometry(svg);
    const [top] = readPolygonPoints(svg, 'ladders-chart-shape-1');
    expect(top).toEqual([cx, cy - (radius * 3) / 5]);
    em6.shapes[0]!.values.forEach((value, i) => expectVertex(svg, i, value, 5, 5));
  });

  it('places vertices of 6 axes with 4 ranks, including the centre for 0', () => {
    const values = [4, 1, 0, 2, 3, 4];
    const svg = renderRadarChart(chartWith(axesOf([4, 4, 4, 4, 4, 4]), values));
    values.forEach((value, i) => expectVertex(svg, i, value, 4, 6));
    const { cx, cy } = readGeometry(svg);
    expect(readPolygonPoints(svg, 'ladders-chart-shape-1')[2]).toEqual([cx, cy]);
  });

  it('places vertices of 3 axes with different rank counts by each axis’s own ranks', () => {
    const svg = renderRadarChart(chartWith(axesOf([5, 3, 4]), [5, 2, 3]));
    expectVertex(svg, 0, 5, 5, 3);
    expectVertex(svg, 1, 2, 3, 3);
    expectVertex(svg, 2, 3, 4, 3);
  });

  it('draws one ring per rank of the largest axis, numbered, with the outer ring at R', () => {
    const svg = renderRadarChart(chartWith(axesOf([3, 6, 4]), [1, 1, 1]));
    expect(count(svg, 'class="ladders-chart-ring"')).toBe(6);
    expect(count(svg, 'class="ladders-chart-rank"')).toBe(6);
    for (const rank of [1, 2, 3, 4, 5, 6]) expect(svg).toMatch(new RegExp(`class="ladders-chart-rank"[^>]*>${rank}<`));
    // Ring j passes the first (upward) axis at j/6 of the radius.
    const { cy, radius } = readGeometry(svg);
    const tops = [...svg.matchAll(/<polygon class="ladders-chart-ring" points="[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(tops).toHaveLength(6);
    tops.forEach((y, j) => expect(cy - y).toBeCloseTo((radius * (j + 1)) / 6, 1));
  });

  it('labels every axis with its name and caption', () => {
    const svg = renderRadarChart(em6);
    for (const axis of em6.axes) {
      expect(svg).toMatch(new RegExp(`class="ladders-chart-axis-name"[^>]*>${axis.name}</tspan>`));
      expect(svg).toMatch(new RegExp(`class="ladders-chart-axis-caption"[^>]*>${axis.caption}</tspan>`));
    }
  });

  it('anchors labels so they grow away from the chart', () => {
    const svg = renderRadarChart(chartWith(axesOf([3, 3, 3, 3]), [1, 1, 1, 1]));
    const anchors = [...svg.matchAll(/<text text-anchor="(\w+)">/g)].map((m) => m[1]);
    expect(anchors).toEqual(['middle', 'start', 'middle', 'end']);
  });

  it('draws one solid shape and no legend for a single position', () => {
    const svg = renderRadarChart(em6);
    expect(count(svg, '<polygon class="ladders-chart-shape-')).toBe(1);
    expect(svg).not.toContain('stroke-dasharray');
    expect(svg).not.toContain('<g class="ladders-chart-legend"');
    expect(count(svg, 'class="ladders-chart-marker-1"')).toBe(5);
  });

  it('draws the second of two shapes dashed, with markers and a legend naming both', () => {
    const svg = renderRadarChart({ ...em6, shapes: [em5, em6.shapes[0]!] });
    expect(svg).toMatch(/<polygon class="ladders-chart-shape-1" points=/);
    expect(svg).toMatch(/<polygon class="ladders-chart-shape-2" stroke-dasharray="[\d ]+" points=/);
    expect(count(svg, 'class="ladders-chart-marker-2"')).toBe(5 + 1);
    const legend = /<g class="ladders-chart-legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(legend).toContain('>EM5</text>');
    expect(legend).toContain('>EM6</text>');
    expect(legend).toMatch(/<line class="ladders-chart-shape-2" stroke-dasharray=/);
  });

  it('draws a third shape dotted with diamonds over the other two, in a legend of three rows', () => {
    const person = { label: 'Alex', values: [3, 4, 4, 5, 1] };
    const svg = renderRadarChart({ ...em6, shapes: [em5, em6.shapes[0]!, person] });
    expect(svg).toMatch(/<polygon class="ladders-chart-shape-3" stroke-dasharray="[\d. ]+" points=/);
    // Drawn last, so it lies over the other two.
    expect(svg.lastIndexOf('<polygon class="ladders-chart-shape-')).toBe(svg.indexOf('<polygon class="ladders-chart-shape-3"'));
    expect(count(svg, '<polygon class="ladders-chart-marker-3"')).toBe(5 + 1);
    const legend = /<g class="ladders-chart-legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(legend.match(/<text [^>]*>([^<]*)<\/text>/g)?.map((text) => text.replace(/<[^>]*>/g, ''))).toEqual(['EM5', 'EM6', 'Alex']);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const twoShapes = Number(/height="(\d+)"/.exec(renderRadarChart({ ...em6, shapes: [em5, person] }))?.[1]);
    expect(height).toBe(twoShapes + 22);
    expect(svg).toContain('Alex: Technology 3 of 5, System 4 of 5, People 4 of 5, Process 5 of 5, Influence 1 of 5.');
  });

  it('draws a shape in the style it asks for, whatever its place, and leaves out the markers of unmarked points', () => {
    const person = { label: 'Alex', values: [3, 4, 4, 5, 1], style: 'dotted' as const, unmarked: [false, true, false, false, true] };
    const svg = renderRadarChart({ ...em6, shapes: [em5, person] });
    expect(svg).toContain('<polygon class="ladders-chart-shape-3"');
    expect(svg).not.toContain('class="ladders-chart-shape-2"');
    expect(count(svg, '<polygon class="ladders-chart-marker-3"')).toBe(3 + 1);
  });

  it('gives identical output for identical input', () => {
    expect(renderRadarChart(em6)).toBe(renderRadarChart(structuredClone(em6)));
  });

  it('ties title and desc to the SVG through ids from the prefix', () => {
    const svg = renderRadarChart(em6);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-em6-title chart-em6-desc"/);
    expect(svg).toContain('<title id="chart-em6-title">EM6 radar</title>');
    expect(svg).toContain('<desc id="chart-em6-desc">');
  });

  it('states every value as text in the desc, after the given description', () => {
    const svg = renderRadarChart({ ...em6, shapes: [em5, em6.shapes[0]!] });
    expect(svg).toContain(
      '<desc id="chart-em6-desc">Expectations of an EM6. ' +
        'EM5: Technology 2 of 5, System 3 of 5, People 4 of 5, Process 4 of 5, Influence 2 of 5. ' +
        'EM6: Technology 3 of 5, System 4 of 5, People 5 of 5, Process 5 of 5, Influence 2 of 5.</desc>',
    );
  });

  it('escapes text so markup in names, labels and ids stays inert', () => {
    const axes = [{ name: '<script>alert(1)</script>', ranks: 5, caption: 'R&D' }, ...em6.axes.slice(1)];
    const svg = renderRadarChart({
      idPrefix: 'a"b',
      title: "{{x}} & 'y'",
      description: 'A <b>bold</b> claim.',
      axes,
      shapes: [{ label: 'E&M', values: [1, 1, 1, 1, 1] }, em5],
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</tspan>');
    expect(svg).toContain('>R&amp;D</tspan>');
    expect(svg).toContain('>E&amp;M</text>');
    expect(svg).toContain('<title id="a&quot;b-title">{{x}} &amp; &#39;y&#39;</title>');
    expect(svg).toContain('E&amp;M: &lt;script&gt;alert(1)&lt;/script&gt; 1 of 5');
    // Every `&` left in the output starts an entity.
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it.each<[string, Partial<RadarChartInput>, RegExp]>([
    ['fewer than 3 axes', { axes: axesOf([5, 5]), shapes: [{ label: 'X', values: [1, 1] }] }, /at least 3 axes, got 2/],
    ['no shapes', { shapes: [] }, /1 to 3 shapes, got 0/],
    ['four shapes', { shapes: [em5, em5, em5, em5] }, /1 to 3 shapes, got 4/],
    ['two shapes of one style', { shapes: [em5, { ...em5, style: 'filled' }] }, /a style each, got filled, filled/],
    ['too few values', { shapes: [{ label: 'X', values: [1, 2, 3, 4] }] }, /"X" has 4 values for 5 axes/],
    ['a value above the ranks', { shapes: [{ label: 'X', values: [1, 6, 1, 1, 1] }] }, /value 6 on axis "System", expected 0\.\.5/],
    ['a negative value', { shapes: [{ label: 'X', values: [1, 1, -1, 1, 1] }] }, /value -1 on axis "People"/],
    ['a value that is not a number', { shapes: [{ label: 'X', values: [1, 1, 1, NaN, 1] }] }, /value NaN on axis "Process"/],
    [
      'an axis without ranks',
      { axes: [...axesOf([5, 5, 5, 5]), { name: 'Empty', ranks: 0 }] },
      /axis "Empty" needs a whole number of ranks/,
    ],
    ['an id prefix with a space', { idPrefix: 'chart em6' }, /idPrefix must be non-empty without spaces/],
  ])('throws on %s', (_, change, message) => {
    expect(() => renderRadarChart({ ...em6, ...change })).toThrow(message);
  });
});
