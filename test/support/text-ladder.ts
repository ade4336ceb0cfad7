import { modelSchemaVersion, type Cell, type Ladder, type Statement } from '../../src/model.js';

// A ladder whose cells are text, as a section-per-level, table or data ladder reads: no scales, groups,
// attributes, examples, what holds at every level. Written in the project's own words.

const at = (line: number) => ({ file: 'ladders/product-engineer.md', line, column: 1 });

const said = (text: string, line: number, kind: Statement['kind'] = 'bullet', isNew = false): Statement => ({
  kind,
  text,
  isNew,
  source: at(line),
});

const cell = (competency: string, line: number, statements: Statement[], examples: Statement[] = []): Cell => ({
  competency,
  rung: null,
  statements,
  examples,
  source: at(line),
});

/** A fresh copy each call: views must never change the model they are given. */
export function textLadder(): Ladder {
  return {
    schemaVersion: modelSchemaVersion,
    framework: {
      title: 'Lighthouse Ladder',
      summary: 'How product engineers grow at a small lighthouse-keeping company.',
      version: null,
      firstSeniorLevel: 3,
      locale: null,
      competencies: [
        { id: 'delivery', name: 'Delivery', group: 'Craft', summary: '', scale: [], source: at(10) },
        { id: 'quality', name: 'Quality', group: 'Craft', summary: 'Tests, reviews and care.', scale: [], source: at(11) },
        { id: 'collaboration', name: 'Collaboration', group: 'People', summary: '', scale: [], source: at(12) },
      ],
      source: at(1),
    },
    roles: [
      {
        id: 'product-engineer',
        title: 'Product Engineer',
        summary: 'Product engineers build and run the lamp-control software.',
        text: 'Product engineers build and run the lamp-control software.',
        path: 'ladders/product-engineer.md',
        everyLevel: [cell('collaboration', 5, [said('Writes down decisions where the team can find them.', 6)])],
        positions: [
          {
            code: 'PE1',
            level: 1,
            title: 'Product Engineer 1',
            senior: false,
            summary: 'Learns the lamp-control code and ships small changes with help.',
            attributes: [{ name: 'Scope', value: 'Tasks', source: at(20) }],
            cells: [
              cell('delivery', 22, [said('Ships small, well-described changes.', 23), said('Asks for help early.', 24)]),
              cell('quality', 25, [said('Adds tests with each change.', 26)], [said('Covered the beacon timer with tests.', 28)]),
            ],
            source: at(19),
          },
          {
            code: 'PE2',
            level: 2,
            title: 'Product Engineer 2',
            senior: false,
            summary: 'Owns features from idea to release.',
            attributes: [{ name: 'Scope', value: 'Features', source: at(40) }],
            cells: [
              cell('delivery', 42, [said('Ships features end to end.', 43, 'bullet', true), said('Asks for help early.', 44)]),
              cell('quality', 45, [said('Adds tests with each change and reviews others.', 46)]),
              cell('collaboration', 47, [said('Pairs with newer engineers on a feature.', 48, 'paragraph')]),
            ],
            source: at(39),
          },
          {
            code: 'PE3',
            level: 3,
            title: 'Senior Product Engineer',
            senior: true,
            summary: '',
            attributes: [],
            cells: [
              cell('delivery', 62, [said('Plans the work of a quarter with the team.', 63)]),
              cell('quality', 65, [said('Sets how the team tests a service.', 66)]),
            ],
            source: at(61),
          },
        ],
        source: at(1),
      },
    ],
    guides: [],
  };
}
