// Every character that can start Markdown syntax in running text or a table cell. Escaping
// more than needed is harmless: the output is normalised through remark afterwards.
const special = /[\\`*_{}[\]()<>#+\-.!|~&]/g;

// GFM makes a live link of a bare URL, `www.` name or e-mail address in text, escaped or not (it
// looks at the text once escapes are gone). An invisible word joiner (U+2060) inside the pattern
// keeps it text: after the scheme's colon, after `www`, before `@`.
const bareLink = /:(?=\/\/)|\bwww(?=\.)|(?=@)/gi;

/** Escape text so Markdown shows it literally: `*stars*` stays stars, `<script>` stays text, a URL is not a link. */
export function escapeMarkdown(text: string): string {
  return text.replace(bareLink, '$&\u2060').replace(special, '\\$&');
}

// Fields that hold markup we generated (the chart, a guide's or role's body printed from safe
// Markdown) or link targets, file names and a worksheet's field names and origin (inside comments,
// where an escape would be read literally) built from identifiers; everything else is ladder text.
const trusted = new Set(['href', 'svg', 'file', 'style', 'body', 'field', 'origin']);

/** A copy of a view with every string of ladder text escaped for Markdown. */
export function escapeMarkdownView<T>(view: T): T {
  return escapeValue(view, '') as T;
}

function escapeValue(value: unknown, key: string): unknown {
  // The labels are the package's (or the organisation's) words around the text, like the templates
  // themselves; escaping them would also break their `{name}` placeholders.
  // The language tag is ours too, and a hyphen escaped would make it no tag at all.
  if (key === 'labels' || key === 'lang') return value;
  if (typeof value === 'string') return trusted.has(key) ? value : escapeMarkdown(value);
  if (Array.isArray(value)) return value.map((item) => escapeValue(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([innerKey, inner]) => [innerKey, escapeValue(inner, innerKey)]));
  }
  return value;
}
