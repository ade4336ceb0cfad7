import path from 'node:path';
import type { Guide, Role } from '../../model.js';
import { makeId } from '../make-id.js';
import { placeOf, plainText } from '../markdown-text.js';
import type { ShapeReader, ShapeReading } from '../shape-reader.js';
import { assignCodes } from './assign-codes.js';
import { classifyPage } from './classify-page.js';
import type { CompetencyList } from './collect-competencies.js';
import { contentOf, firstParagraph, wordsOf } from './page-parts.js';
import type { RichText } from './read-block.js';
import { readRolePage, type RoleReading } from './read-role-page.js';
import { readTrack, type PositionPage, type TrackReadme } from './read-track.js';

/**
 * The reader of ladders kept as a section per level (docs/shapes.md): a page per role with a heading
 * per level, or a page per position in a folder per track; competencies as sub-headings, bold labels or
 * `Name: text` bullets; attribute bullets, `<details>` examples, `All levels` sections and FAQs.
 */
export const sectionsReader: ShapeReader = {
  shape: 'sections',
  recognises: (file) => file.tree !== null && classifyPage(file.tree, file.file.path) !== null,
  read: (files, context) => {
    const competencies: CompetencyList = new Map();
    const readings: RoleReading[] = [];
    const tracks = new Map<string, PositionPage[]>();
    const readmes = new Map<string, TrackReadme>();
    for (const { file, tree } of files) {
      // A page the configuration names as this shape but that keeps no level is read as a role page without positions.
      const kind = tree ? (classifyPage(tree, file.path) ?? { kind: 'role' as const, depth: 2 }) : null;
      if (!tree || !kind) continue;
      const folder = path.posix.dirname(file.path.split(path.sep).join('/'));
      if (kind.kind === 'role') readings.push(...[readRolePage(file, tree, kind.depth, context.richText(file), competencies) ?? []].flat());
      else if (kind.kind === 'position')
        tracks.set(folder, [...(tracks.get(folder) ?? []), { file, tree, title: kind.title, level: kind.level, fromName: kind.fromName }]);
      else readmes.set(folder, { file, tree });
    }
    for (const [folder, pages] of tracks) {
      const reading = readTrack(folder, pages, readmes.get(folder), context.richText, competencies);
      if (reading) readings.push(reading);
    }
    assignCodes(readings);
    const order = new Map([...competencies.keys()].map((id, index) => [id, index]));
    const byOrder = (a: { competency: string }, b: { competency: string }) =>
      (order.get(a.competency) ?? 0) - (order.get(b.competency) ?? 0);
    for (const { role } of readings) for (const position of [{ cells: role.everyLevel }, ...role.positions]) position.cells.sort(byOrder);
    const readmeGuides = [...readmes].flatMap(([folder, readme]) =>
      tracks.has(folder) ? [] : readmeGuide(readme, context.richText(readme.file)),
    );
    const roles: Role[] = readings.map((reading) => reading.role);
    const guides: Guide[] = [...readings.flatMap((reading) => reading.guides), ...readmeGuides];
    return { competencies: [...competencies.values()], roles, guides } satisfies ShapeReading;
  },
};

/** A README that links to position pages of a folder holding none: a guide, as any page of advice. */
function readmeGuide({ file, tree }: TrackReadme, richText: RichText): Guide[] {
  const nodes = contentOf(tree);
  const heading = nodes.find((node) => node.type === 'heading' && node.depth === 1);
  const title = heading ? plainText(heading) : wordsOf(path.basename(path.dirname(path.resolve(file.path))));
  const id = makeId(title);
  return id
    ? [
        {
          id,
          title,
          summary: firstParagraph(nodes),
          text: richText(nodes.filter((node) => node !== heading)),
          path: file.path,
          source: placeOf(file.path, heading?.position?.start),
        },
      ]
    : [];
}
