import { readFileSync } from 'node:fs';
import { getResolvedPDFJS } from 'unpdf';
import './pdf-glyphs.js';
import { openPdf } from './pdf.js';

/** A run of text on a page: its words, size in points, and where it starts, in points from the page's top-left. */
export interface PlacedText {
  text: string;
  size: number;
  x: number;
  top: number;
  bottom: number;
  right: number;
}

/** A link annotation: where it goes (`url`, or an in-document `dest`) and the area it covers. */
export interface PlacedLink {
  url: string | null;
  dest: unknown;
  top: number;
}

/** One printed page as a reader measures it. */
export interface MeasuredPage {
  number: number;
  width: number;
  height: number;
  /** Every run of text, the running head and foot included. */
  texts: PlacedText[];
  /** How far down the lowest ink (text, a rule, a box) reaches, in points from the top, not counting the page margins' running text. */
  inkBottom: number;
  /** The share of the space between the page's top and bottom margins that the ink reaches down to, 0 to 1. */
  fill: number;
  links: PlacedLink[];
}

// The print stylesheet's page margins (`@page { margin: 16mm 15mm 18mm }`), in points.
const MM = 72 / 25.4;
const TOP_MARGIN = 16 * MM;
const BOTTOM_MARGIN = 18 * MM;

interface Operators {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  fill: number;
  eoFill: number;
  stroke: number;
  fillStroke: number;
  eoFillStroke: number;
  closeStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** Read every page of a PDF: its text with sizes, how far its ink reaches, and its links. */
export async function measurePdf(file: string): Promise<MeasuredPage[]> {
  const { OPS } = (await getResolvedPDFJS()) as { OPS: Operators };
  const painting = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const stroking = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const pdf = await openPdf(new Uint8Array(readFileSync(file)));
  const pages: MeasuredPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const texts = (content.items as { str?: string; transform?: number[]; width?: number }[])
      .filter((item) => typeof item.str === 'string' && item.str.trim() !== '' && item.transform)
      .map((item) => {
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform ?? [];
        const size = Math.hypot(c, d);
        return {
          text: item.str ?? '',
          size,
          x,
          top: height - y - size * 0.8,
          bottom: height - y + size * 0.2,
          right: x + (item.width ?? 0),
        };
      });
    // Ink from drawing: rules, boxes, lines and chart shapes, each painted in a colour other than the paper's.
    let inkBottom = 0;
    const operators = await page.getOperatorList();
    const stack: Matrix[] = [];
    let matrix: Matrix = [1, 0, 0, 1, 0, 0];
    let fillColour = '#000000';
    let strokeColour = '#000000';
    operators.fnArray.forEach((operator, i) => {
      const args = operators.argsArray[i] ?? [];
      if (operator === OPS.save) stack.push(matrix);
      else if (operator === OPS.restore) matrix = stack.pop() ?? matrix;
      else if (operator === OPS.transform) matrix = multiply(matrix, args as Matrix);
      else if (operator === OPS.setFillRGBColor) fillColour = String(args[0]);
      else if (operator === OPS.setStrokeRGBColor) strokeColour = String(args[0]);
      else if (operator === OPS.constructPath) {
        const paint = Number(args[0]);
        if (!painting.has(paint)) return;
        const colour = stroking.has(paint) ? strokeColour : fillColour;
        if (colour.toLowerCase() === '#ffffff') return;
        const box = args[2] as ArrayLike<number> | null;
        if (!box || box.length < 4) return;
        for (const [bx, by] of [
          [box[0], box[1]],
          [box[2], box[3]],
        ] as const) {
          const y = matrix[1] * (bx ?? 0) + matrix[3] * (by ?? 0) + matrix[5];
          const fromTop = height - y;
          if (fromTop < height - BOTTOM_MARGIN && fromTop > inkBottom) inkBottom = fromTop;
        }
      }
    });
    for (const text of texts) if (text.bottom < height - BOTTOM_MARGIN && text.bottom > inkBottom) inkBottom = text.bottom;
    const annotations = (await (page as unknown as { getAnnotations(): Promise<Record<string, unknown>[]> }).getAnnotations()).filter(
      (annotation) => annotation.subtype === 'Link',
    );
    pages.push({
      number,
      width,
      height,
      texts,
      inkBottom,
      fill: (inkBottom - TOP_MARGIN) / (height - TOP_MARGIN - BOTTOM_MARGIN),
      links: annotations.map((annotation) => ({
        url: typeof annotation.url === 'string' ? annotation.url : typeof annotation.unsafeUrl === 'string' ? annotation.unsafeUrl : null,
        dest: annotation.dest ?? null,
        top: height - Number((annotation.rect as number[] | undefined)?.[3] ?? 0),
      })),
    });
  }
  await pdf.destroy();
  return pages;
}
