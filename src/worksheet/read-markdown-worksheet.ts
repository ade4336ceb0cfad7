import type { Point } from 'unist';
import { VFile } from 'vfile';
import type { SourcePlace } from '../model.js';
import { quote, quoteChoices, report } from '../messages.js';
import { ratings, type AxisAnswers, type FilledWorksheet, type Rating } from './filled-worksheet.js';
import { WorksheetError } from './worksheet-error.js';
import { parseFieldName } from './worksheet-fields.js';
import { originTag, readOriginText } from './worksheet-origin-text.js';

// `<!-- name -->` opens a text field and `<!-- /name -->` closes it; what is between is the value, verbatim.
const marker = /<!--[ \t]*(\/?)([a-z0-9][a-z0-9.-]*)[ \t]*-->/g;
// A task-list item that says which choice of which rating it is: `- [x] Meets <!-- delivery.self=meets -->`.
const checkBox = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\][^\n]*?<!--[ \t]*([^\s=]+)=([^\s]*?)[ \t]*-->/gm;
const origin = new RegExp(`<!--[ \\t]*${originTag}[ \\t]+(\\{[^\\n]*?\\})[ \\t]*-->`);

/**
 * Read a Markdown worksheet filled in an editor: the origin from its `ladders-worksheet` comment, each
 * text field from between its comments, each rating (each axis's and the overall one) from its ticked task-list box. Fails with a
 * `WorksheetError` listing every problem.
 */
export function readMarkdownWorksheet(path: string, text: string): FilledWorksheet {
  const file = new VFile({ path, value: text });
  const placeAt = placeFinder(text);
  const sourcePlace = ({ line, column }: Point): SourcePlace => ({ file: path, line, column });
  const found = origin.exec(text);
  const originValue = found ? readOriginText(found[1]!) : null;
  if (!originValue) {
    report(
      file,
      'error',
      `No \`${originTag}\` comment says which position this worksheet is for: it is not a ladders worksheet`,
      undefined,
      'not-a-worksheet',
    );
    throw new WorksheetError(file);
  }
  const worksheet: FilledWorksheet = { file: path, format: 'md', origin: originValue, fields: {}, overall: {}, axes: {}, places: {} };
  const axis = (id: string): AxisAnswers => (worksheet.axes[id] ??= {});
  const spans: [number, number][] = [];

  marker.lastIndex = 0;
  for (let open = marker.exec(text); open; open = marker.exec(text)) {
    const field = open[1] === '' ? parseFieldName(open[2]!) : null;
    if (!field || field.kind === 'overall' || (field.kind === 'axis' && field.part !== 'evidence')) continue;
    const name = open[2]!;
    const place = placeAt(open.index);
    const close = new RegExp(`<!--[ \\t]*/${name.replace(/\./g, '\\.')}[ \\t]*-->`, 'g');
    close.lastIndex = marker.lastIndex;
    const end = close.exec(text);
    if (!end) {
      report(file, 'error', `The field ${quote(name)} has no closing \`<!-- /${name} -->\``, place, 'unclosed-field');
      break;
    }
    if (worksheet.places[name]) {
      report(file, 'error', `The field ${quote(name)} appears twice`, place, 'duplicate-field');
    }
    spans.push([open.index, close.lastIndex]);
    marker.lastIndex = close.lastIndex;
    worksheet.places[name] = sourcePlace(place);
    const value = text
      .slice(open.index + open[0].length, end.index)
      .replace(/\r\n?/g, '\n')
      .trim();
    if (value === '') continue;
    if (field.kind === 'text') worksheet.fields[field.name] = value;
    else axis(field.axis).evidence = value;
  }

  checkBox.lastIndex = 0;
  for (let box = checkBox.exec(text); box; box = checkBox.exec(text)) {
    if (spans.some(([start, end]) => box.index >= start && box.index < end)) continue;
    const [, mark, name, choice] = box as unknown as [string, string, string, string];
    const place = placeAt(box.index);
    const field = parseFieldName(name);
    if (!field || field.kind === 'text' || field.part === 'evidence') {
      report(
        file,
        'error',
        `A box names the field ${quote(name)}, which no worksheet has; expected \`<axis-id>.self\`, \`<axis-id>.manager\`, \`overall-self\` or \`overall-manager\``,
        place,
        'unknown-field',
      );
      continue;
    }
    if (!(ratings as readonly string[]).includes(choice)) {
      report(
        file,
        'error',
        `Unknown choice ${quote(choice)} for the field ${quote(name)}, expected ${quoteChoices(ratings)}`,
        place,
        'unknown-choice',
      );
      continue;
    }
    if (mark === ' ') continue;
    const answers = field.kind === 'overall' ? worksheet.overall : axis(field.axis);
    const chosen = answers[field.part];
    if (chosen !== undefined) {
      report(
        file,
        'error',
        `The field ${quote(name)} has two boxes ticked, ${quote(chosen)} and ${quote(choice)}; tick one`,
        place,
        'several-choices',
      );
      continue;
    }
    answers[field.part] = choice as Rating;
    worksheet.places[name] = sourcePlace(place);
  }
  if (file.messages.some((message) => message.fatal)) throw new WorksheetError(file);
  return worksheet;
}

/** Line and column of an offset, by a search over the line starts. */
function placeFinder(text: string): (offset: number) => Point {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1, offset };
  };
}
