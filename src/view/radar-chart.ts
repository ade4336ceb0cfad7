/** One axis of the chart. */
export interface RadarAxis {
  name: string;
  /** How many rings this axis has (>= 1); axes may differ. */
  ranks: number;
  /** Optional second label line, e.g. the keyword `Evolves`. */
  caption?: string;
}

/** How a shape is drawn: a translucent fill, a dashed outline with squares, or a dotted outline with diamonds. */
export type RadarShapeStyle = 'filled' | 'dashed' | 'dotted';

/** The styles shapes take by default, in the order they are given. */
const defaultStyles: readonly RadarShapeStyle[] = ['filled', 'dashed', 'dotted'];

/** One shape: a value per axis, 0..ranks, in the order of the axes. */
export interface RadarShape {
  label: string;
  values: number[];
  /** How it is drawn; by default the first shape is filled, the second dashed, the third dotted. */
  style?: RadarShapeStyle;
  /** Axes whose value stands in for one not given (a rating left out): their point has no marker. */
  unmarked?: readonly boolean[];
}

/** Everything one chart shows; `idPrefix` keeps ids unique when several charts share a page. */
export interface RadarChartInput {
  idPrefix: string;
  title: string;
  description: string;
  axes: RadarAxis[];
  shapes: RadarShape[];
  /** Labels in a right-to-left language (Arabic, Hebrew): laid out right to left, each still growing away from the chart. */
  rightToLeft?: boolean;
  /** How the description says a value, in the page's language; `3 of 5` when not given. */
  rankLabel?: (rank: number, ranks: number) => string;
}

interface Point {
  x: number;
  y: number;
}

// Wide enough that an 18-character label beside a horizontal axis fits even in a wide fallback font.
// Pages print the chart about 100 mm wide (0.47 pt a unit), so its smallest text, 15 units, prints at 7 pt.
const WIDTH = 600;
const CX = 300;
const CY = 205;
const RADIUS = 120;
const LABEL_GAP = 16;
const LINE_HEIGHT = 19;
const CHART_HEIGHT = 410;
const LEGEND_ROW = 22;
const LEGEND_PADDING = 6;
const FONTS = "'Ladders Sans', Inter, sans-serif";

// Each colour is declared twice: renderers without custom properties (librsvg 2.54) drop the
// `var()` declaration as invalid and keep the plain one, instead of painting black.
const STYLE = [
  `.ladders-chart{font-family:${FONTS}}`,
  `.ladders-chart-background{${declareColour('fill', '--ladders-chart-background', '#ffffff')}}`,
  `.ladders-chart-ring,.ladders-chart-spoke{fill:none;stroke-width:1;${declareColour('stroke', '--ladders-chart-grid', '#d1d5db')}}`,
  `.ladders-chart-rank{font-size:15px;${declareColour('fill', '--ladders-chart-muted', '#6b7280')}}`,
  // A patch of background behind each rank number keeps it legible over the rings. Not a stroked
  // halo: PDF printers draw stroked text as Type 3 glyph procedures instead of with the font.
  `.ladders-chart-rank-patch{${declareColour('fill', '--ladders-chart-background', '#ffffff')}}`,
  `.ladders-chart-axis-name,.ladders-chart-legend text{font-size:17px;font-weight:600;${declareColour('fill', '--ladders-chart-text', '#111827')}}`,
  `.ladders-chart-axis-caption{font-size:16px;${declareColour('fill', '--ladders-chart-muted', '#4b5563')}}`,
  `.ladders-chart-shape-1{fill-opacity:0.25;stroke-width:2.5px;stroke-linejoin:round;${declareColour('fill', '--ladders-brand', '#1d4ed8')}${declareColour('stroke', '--ladders-chart-shape-1-stroke', '#1f2937')}}`,
  // The second shape is an outline only: a second translucent fill over the first would blend into a
  // third colour that belongs to neither. Orange against blue stays apart for colour-blind readers.
  `.ladders-chart-shape-2{fill:none;stroke-width:2.5px;stroke-linejoin:round;${declareColour('stroke', '--ladders-chart-shape-2-stroke', '#c2410c')}}`,
  // The third is an outline too, dotted in a dark magenta: apart from both others by line, marker and colour.
  `.ladders-chart-shape-3{fill:none;stroke-width:3px;stroke-linejoin:round;stroke-linecap:round;${declareColour('stroke', '--ladders-chart-shape-3-stroke', '#9d174d')}}`,
  `.ladders-chart-marker-1{${declareColour('fill', '--ladders-chart-shape-1-stroke', '#1f2937')}}`,
  // Hollow square markers tell the second shape apart in greyscale too, beside its dashed line.
  `.ladders-chart-marker-2{stroke-width:2px;${declareColour('fill', '--ladders-chart-background', '#ffffff')}${declareColour('stroke', '--ladders-chart-shape-2-stroke', '#c2410c')}}`,
  `.ladders-chart-marker-3{${declareColour('fill', '--ladders-chart-shape-3-stroke', '#9d174d')}}`,
].join('');

// What tells each style apart besides its colour: its class number and its line's dashes.
const styleClass: Record<RadarShapeStyle, number> = { filled: 1, dashed: 2, dotted: 3 };
const styleDash: Record<RadarShapeStyle, string> = { filled: '', dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="0.5 6"' };

/** Render a radar chart of one to three shapes as a standalone, accessible SVG element. */
export function renderRadarChart(input: RadarChartInput): string {
  assertValidInput(input);
  const { axes } = input;
  const shapes = input.shapes.map((shape, s) => ({ ...shape, style: shape.style ?? defaultStyles[s]! }));
  const maxRanks = Math.max(...axes.map((axis) => axis.ranks));
  const height = shapes.length > 1 ? CHART_HEIGHT + LEGEND_PADDING + shapes.length * LEGEND_ROW : CHART_HEIGHT;
  const id = escapeXml(input.idPrefix);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ladders-chart"${input.rightToLeft ? ' direction="rtl"' : ''} width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describeChart(input))}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect class="ladders-chart-background" width="${WIDTH}" height="${height}"/>`,
    ...renderGrid(axes.length, maxRanks),
    ...axes.map((axis, i) => renderAxisLabel(axis, i, axes.length, input.rightToLeft === true)),
    ...shapes.map((shape) => renderShapePolygon(shape, axes)),
    ...shapes.flatMap((shape) => renderShapeMarkers(shape, axes)),
    ...(shapes.length > 1 ? renderLegend(shapes, height, input.rightToLeft === true) : []),
    '</svg>',
  ].join('\n');
}

function assertValidInput({ idPrefix, axes, shapes }: RadarChartInput): void {
  // The id prefix ends up in a space-separated `aria-labelledby` list.
  if (!/^\S+$/.test(idPrefix)) throw new Error(`Radar chart idPrefix must be non-empty without spaces, got "${idPrefix}"`);
  if (axes.length < 3) throw new Error(`Radar chart needs at least 3 axes, got ${axes.length}`);
  if (shapes.length < 1 || shapes.length > 3) throw new Error(`Radar chart takes 1 to 3 shapes, got ${shapes.length}`);
  const styles = shapes.map((shape, s) => shape.style ?? defaultStyles[s]);
  if (new Set(styles).size < styles.length) throw new Error(`Radar chart shapes need a style each, got ${styles.join(', ')}`);
  const flat = axes.find((axis) => !Number.isInteger(axis.ranks) || axis.ranks < 1);
  if (flat) throw new Error(`Radar chart axis "${flat.name}" needs a whole number of ranks >= 1, got ${flat.ranks}`);
  for (const shape of shapes) {
    if (shape.values.length !== axes.length) {
      throw new Error(`Radar chart shape "${shape.label}" has ${shape.values.length} values for ${axes.length} axes`);
    }
    shape.values.forEach((value, i) => {
      const axis = axes[i]!;
      if (!Number.isInteger(value) || value < 0 || value > axis.ranks) {
        throw new Error(`Radar chart shape "${shape.label}" has value ${value} on axis "${axis.name}", expected 0..${axis.ranks}`);
      }
    });
  }
}

function describeChart({ description, axes, shapes, rankLabel = (rank, ranks) => `${rank} of ${ranks}` }: RadarChartInput): string {
  const sentences = shapes.map((shape) => {
    const values = axes.map((axis, i) => `${axis.name} ${rankLabel(shape.values[i]!, axis.ranks)}`);
    return `${shape.label}: ${values.join(', ')}.`;
  });
  return [description.trim(), ...sentences].filter((part) => part !== '').join(' ');
}

function renderGrid(axisCount: number, maxRanks: number): string[] {
  const lines: string[] = [];
  for (let ring = 1; ring <= maxRanks; ring += 1) {
    const corners = Array.from({ length: axisCount }, (_, i) => locatePoint(i, axisCount, ring / maxRanks));
    lines.push(`<polygon class="ladders-chart-ring" points="${formatPoints(corners)}"/>`);
  }
  for (let i = 0; i < axisCount; i += 1) {
    const end = locatePoint(i, axisCount, 1);
    lines.push(`<line class="ladders-chart-spoke" x1="${CX}" y1="${CY}" x2="${formatNumber(end.x)}" y2="${formatNumber(end.y)}"/>`);
  }
  // Rank numbers sit just right of the upward first spoke, above each ring's top corner,
  // where the ring's own edges slope away and leave room.
  for (let ring = 1; ring <= maxRanks; ring += 1) {
    const y = CY - (RADIUS * ring) / maxRanks - 3;
    const width = 9 * String(ring).length + 2;
    lines.push(`<rect class="ladders-chart-rank-patch" x="${CX + 5}" y="${formatNumber(y - 12)}" width="${width}" height="14"/>`);
    lines.push(`<text class="ladders-chart-rank" x="${CX + 6}" y="${formatNumber(y)}">${ring}</text>`);
  }
  return lines;
}

function renderAxisLabel(axis: RadarAxis, index: number, axisCount: number, rightToLeft: boolean): string {
  const angle = measureAngle(index, axisCount);
  const anchorPoint = locatePoint(index, axisCount, (RADIUS + LABEL_GAP) / RADIUS);
  const cos = Math.cos(angle);
  // Labels left of the chart grow leftwards and labels right of it rightwards, so none runs into it.
  // In right-to-left text `start` is the right end, so the anchors swap to keep that.
  const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 === !rightToLeft ? 'start' : 'end';
  const lines = [{ className: 'ladders-chart-axis-name', text: axis.name }];
  if (axis.caption !== undefined && axis.caption !== '') lines.push({ className: 'ladders-chart-axis-caption', text: axis.caption });
  // Slide the text block from above the point (top axis) to below it (bottom axis).
  const top = anchorPoint.y - (lines.length * LINE_HEIGHT * (1 - Math.sin(angle))) / 2;
  const x = formatNumber(anchorPoint.x);
  const spans = lines.map(
    (line, l) =>
      `<tspan class="${line.className}" x="${x}" y="${formatNumber(top + (l + 1) * LINE_HEIGHT - 4)}">${escapeXml(line.text)}</tspan>`,
  );
  return `<text text-anchor="${anchor}">${spans.join('')}</text>`;
}

type StyledShape = RadarShape & { style: RadarShapeStyle };

function renderShapePolygon(shape: StyledShape, axes: RadarAxis[]): string {
  // The outlines differ by line style as well as colour, for greyscale printing.
  const points = formatPoints(locateShape(shape, axes));
  return `<polygon class="ladders-chart-shape-${styleClass[shape.style]}"${styleDash[shape.style]} points="${points}"/>`;
}

function renderShapeMarkers(shape: StyledShape, axes: RadarAxis[]): string[] {
  return locateShape(shape, axes)
    .filter((_, i) => shape.unmarked?.[i] !== true)
    .map((p) => renderMarker(shape.style, p));
}

/** A filled shape's markers are dots, a dashed one's hollow squares, a dotted one's diamonds. */
function renderMarker(style: RadarShapeStyle, p: Point): string {
  const className = `ladders-chart-marker-${styleClass[style]}`;
  if (style === 'filled') return `<circle class="${className}" cx="${formatNumber(p.x)}" cy="${formatNumber(p.y)}" r="4"/>`;
  if (style === 'dotted') {
    const corners = [
      { x: p.x, y: p.y - 5.5 },
      { x: p.x + 5.5, y: p.y },
      { x: p.x, y: p.y + 5.5 },
      { x: p.x - 5.5, y: p.y },
    ];
    return `<polygon class="${className}" points="${formatPoints(corners)}"/>`;
  }
  return `<rect class="${className}" x="${formatNumber(p.x - 4)}" y="${formatNumber(p.y - 4)}" width="8" height="8"/>`;
}

function renderLegend(shapes: StyledShape[], height: number, rightToLeft: boolean): string[] {
  // Rows stacked vertically and starting a little before the centre need no text measuring,
  // which SVG cannot do ahead of rendering. Right to left, the sample sits right of the centre and
  // the text (anchored at its start, now its right end) runs leftwards from it.
  const side = rightToLeft ? -1 : 1;
  const top = height - LEGEND_PADDING - shapes.length * LEGEND_ROW;
  const rows = shapes.map((shape, s) => {
    const y = top + 10 + s * LEGEND_ROW;
    return [
      `<line class="ladders-chart-shape-${styleClass[shape.style]}"${styleDash[shape.style]} x1="${CX - 56 * side}" y1="${y}" x2="${CX - 12 * side}" y2="${y}"/>`,
      renderMarker(shape.style, { x: CX - 34 * side, y }),
      `<text x="${CX - 4 * side}" y="${y + 6}">${escapeXml(shape.label)}</text>`,
    ].join('');
  });
  return ['<g class="ladders-chart-legend">', ...rows, '</g>'];
}

function locateShape(shape: RadarShape, axes: RadarAxis[]): Point[] {
  return axes.map((axis, i) => locatePoint(i, axes.length, (shape.values[i] ?? 0) / axis.ranks));
}

function measureAngle(index: number, axisCount: number): number {
  // The first axis points straight up; the rest follow clockwise (SVG's y grows downwards).
  return ((-90 + (360 * index) / axisCount) * Math.PI) / 180;
}

function locatePoint(index: number, axisCount: number, fraction: number): Point {
  const angle = measureAngle(index, axisCount);
  return { x: CX + RADIUS * fraction * Math.cos(angle), y: CY + RADIUS * fraction * Math.sin(angle) };
}

function formatPoints(points: Point[]): string {
  return points.map((p) => `${formatNumber(p.x)},${formatNumber(p.y)}`).join(' ');
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  // `String` already drops trailing zeros; `+ 0` turns a `-0` into `0`.
  return String(rounded + 0);
}

function declareColour(property: string, customProperty: string, fallback: string): string {
  return `${property}:${fallback};${property}:var(${customProperty}, ${fallback});`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeXml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML at all; drop them so the file still parses.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
