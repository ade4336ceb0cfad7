import type { Ladder, Role } from '../model.js';
import { planOutputs, type PlannedOutput, type PlanOptions, type TemplateDigests } from '../plan/plan-outputs.js';

/** Plans the preview's pages again after each read, planning again only what the read can have changed. */
export interface SitePlanner {
  /** Every output `planOutputs` would plan; the outputs of a role that did not change are the last plan's. */
  plan(ladder: Ladder, templates: TemplateDigests, options: PlanOptions): PlannedOutput[];
}

interface RolePlan {
  /** The role as JSON: the same text, the same role. */
  model: string;
  outputs: PlannedOutput[];
}

/**
 * A planner that remembers its last plan. A role's pages (its handouts, worksheets, PDFs and overview)
 * are made from the role itself and, of the rest of the ladder, only from what `sharedPart` keeps; so
 * when a save changed one role's page, and nothing of that shared part, only that role is planned
 * again. The guides and the index, made from the whole ladder, are always planned again: a page is
 * rendered again only when its key changed, so the index is rendered only when what it shows did.
 */
export function createSitePlanner(): SitePlanner {
  let last: { templates: TemplateDigests; shared: string; roles: Map<string, RolePlan> } | null = null;
  return {
    plan(ladder, templates, options) {
      const shared = JSON.stringify([sharedPart(ladder), { ...options, only: null, roles: null }]);
      const previous = last?.templates === templates && last.shared === shared ? last.roles : new Map<string, RolePlan>();
      const models = new Map(ladder.roles.map((role) => [role, JSON.stringify(role)]));
      const changed = new Set(ladder.roles.filter((role) => previous.get(role.id)?.model !== models.get(role)));
      const fresh = planOutputs(ladder, templates, { ...options, only: null, roles: changed });
      const roles = new Map<string, RolePlan>();
      for (const role of ladder.roles) {
        const outputs = changed.has(role) ? fresh.filter((output) => isOfRole(output, role)) : previous.get(role.id)!.outputs;
        roles.set(role.id, { model: models.get(role)!, outputs });
      }
      last = { templates, shared, roles };
      // The role ids and the guides' folder are distinct (the reader refuses a role called `guides`): the rest is the whole ladder's.
      const others = fresh.filter((output) => !ladder.roles.some((role) => changed.has(role) && isOfRole(output, role)));
      return [...[...roles.values()].flatMap((plan) => plan.outputs), ...others];
    },
  };
}

/**
 * What a role's pages may show of the ladder besides the role: the framework (axes, title, language),
 * the guides (a role's text links to them) and what links to another role or position resolve
 * against (ids, codes, titles, levels). A position's text and expectations are not in it, so editing
 * them changes one role only.
 */
function sharedPart(ladder: Ladder): unknown {
  return {
    framework: ladder.framework,
    guides: ladder.guides,
    roles: ladder.roles.map((role) => ({
      id: role.id,
      title: role.title,
      summary: role.summary,
      path: role.path,
      positions: role.positions.map((position) => [position.code, position.title, position.level, position.senior]),
    })),
  };
}

function isOfRole(output: PlannedOutput, role: Role): boolean {
  return output.path.startsWith(`${role.id}/`);
}
