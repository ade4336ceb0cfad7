import type Handlebars from 'handlebars';
import { numberFormatOf } from '../locale/number-format-of.js';

/**
 * Give templates `{{label "key" name=value}}`: the page's label `key` (from `labels` in the view) with
 * its `{name}` placeholders filled, numbers written the page's way. As a block,
 * `{{#label "changedSince"}}<a …>EM5</a>{{/label}}`, the block's output fills the placeholder the hash
 * leaves open, so a link can sit wherever the language puts it. `escape` is the format's escaping.
 */
export function registerLabelHelper(handlebars: typeof Handlebars, escape: (text: string) => string): void {
  handlebars.registerHelper('label', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    const root = (options.data as { root?: { labels?: Record<string, string>; lang?: { tag?: string } } } | undefined)?.root;
    const text = typeof key === 'string' ? root?.labels?.[key] : undefined;
    if (text === undefined) throw new Error(`The template asks for the label ${JSON.stringify(key)}, which the labels do not have`);
    const block = typeof options.fn === 'function' ? options.fn(this) : undefined;
    const hash = options.hash as Record<string, unknown>;
    const parts = text.split(/(\{\w+\})/).map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      const value = hash[name];
      if (value === undefined) return block ?? escape(part);
      if (typeof value === 'number') return escape(numberFormatOf(root?.lang?.tag ?? 'en').format(value));
      if (typeof value === 'string') return escape(value);
      throw new Error(`The template fills {${name}} of the label ${JSON.stringify(key)} with something that is neither text nor a number`);
    });
    return new handlebars.SafeString(parts.join(''));
  });
}
