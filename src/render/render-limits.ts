import type Handlebars from 'handlebars';
import { RenderFailure } from '../failures.js';

/**
 * What one page may cost to render. The shipped templates stay far below: a handout renders a few
 * hundred blocks and about 300 KB (the fonts are inlined), the index of 1,000 positions a few
 * thousand blocks. A user's template that nests loops over loops, or repeats the stylesheet inside
 * them, reaches these long before it exhausts the machine.
 */
export const renderLimits = { blocks: 2_000_000, characters: 64 * 1024 * 1024 };

/** A page whose template went past a limit, or called itself without end. */
export class RenderLimitError extends RenderFailure {}

/** The running cost of the page being rendered. */
export interface RenderBudget {
  blocks: number;
  characters: number;
}

/**
 * Make every block body of `environment`'s built-in block helpers count against `budget`, and throw
 * as soon as it is spent: Handlebars renders synchronously, so this is the only place to stop it.
 */
export function limitBlocks(environment: typeof Handlebars, budget: RenderBudget): void {
  for (const name of ['each', 'with', 'if', 'unless']) {
    const helper = environment.helpers[name] as Handlebars.HelperDelegate;
    environment.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as Handlebars.HelperOptions;
      const counted = { ...options, fn: counting(options.fn, budget), inverse: counting(options.inverse, budget) };
      return helper.call(this, ...args.slice(0, -1), counted) as unknown;
    });
  }
}

function counting(body: Handlebars.TemplateDelegate | undefined, budget: RenderBudget): Handlebars.TemplateDelegate {
  if (!body) return body as unknown as Handlebars.TemplateDelegate;
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    budget.blocks += 1;
    if (budget.blocks > renderLimits.blocks)
      throw new RenderLimitError(`it renders more than ${renderLimits.blocks.toLocaleString('en')} blocks`);
    const text = body(context, options);
    // Nested bodies are counted in their own blocks and again in the block around them: an over-estimate, never an under-.
    budget.characters += text.length;
    if (budget.characters > renderLimits.characters)
      throw new RenderLimitError(`it produces more than ${renderLimits.characters / 1024 / 1024} MiB`);
    return text;
  };
}
