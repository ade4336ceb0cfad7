import type Handlebars from 'handlebars';
import { RenderFailure } from '../failures.js';
import { RenderLimitError } from './render-limits.js';

/** A point in a template file, 1-based. */
export interface TemplatePlace {
  line: number;
  column: number;
}

/** A template whose helper failed while rendering a page: the template's file, the helper's place in it, and why. */
export class TemplateError extends RenderFailure {
  constructor(
    readonly file: string,
    readonly place: TemplatePlace | null,
    readonly reason: string,
    readonly ruleId: string,
    options?: ErrorOptions,
  ) {
    super(`${file}:${place?.line ?? 1}:${place?.column ?? 1}: ${reason} [${ruleId}]`, options);
  }
}

/**
 * Make every helper of `environment` (the built-in ones and the label helper) throw a `TemplateError`
 * that names the template running (`current`) and where in it the helper was called, instead of a
 * bare error: Handlebars gives a helper its call's place but says nothing of it when the helper throws.
 * Call it after every helper is registered.
 */
export function locateHelperErrors(environment: typeof Handlebars, current: () => string): void {
  for (const [name, helper] of Object.entries(environment.helpers)) {
    environment.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return (helper as (...args: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        // The innermost helper has said where; a limit and a partial that includes itself are the renderer's to say.
        if (error instanceof TemplateError || error instanceof RenderLimitError || error instanceof RangeError) throw error;
        const options = args.at(-1) as { name?: string; loc?: { start?: { line: number; column: number } } } | undefined;
        const start = options?.loc?.start;
        const place = start ? { line: start.line, column: start.column + 1 } : null;
        // Handlebars calls `helperMissing` for a name with arguments that no helper has.
        if (name === 'helperMissing')
          throw new TemplateError(current(), place, `Unknown helper \`${options?.name ?? ''}\``, 'unknown-helper', { cause: error });
        const why = error instanceof Error ? error.message : String(error);
        throw new TemplateError(current(), place, `The helper \`${name}\` failed: ${why}`, 'template-error', { cause: error });
      }
    });
  }
}
