import GithubSlugger, { slug } from 'github-slugger';

// Names Windows keeps for devices: a folder or file called `con` or `com1` cannot be made there.
const reservedNames = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * The identifier GitHub would give a heading with this name (letters of every script kept,
 * lower-cased, spaces as hyphens), in NFC and safe as a folder or file name on Windows and macOS;
 * empty when the name has no letter or digit. Words run together in camel case are split first,
 * so the file `EngineeringManager.md` gives `engineering-manager`.
 */
export function makeId(name: string): string {
  const split = name.normalize('NFC').replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1-$2');
  return portable(slug(split));
}

/** Ids unique within one kind: a name met again gets `-1`, `-2`… as GitHub's anchors do. */
export function makeIdMaker(): (name: string) => string {
  const slugger = new GithubSlugger();
  return (name) => {
    const id = makeId(name);
    return id ? portable(slugger.slug(id)) : '';
  };
}

function portable(id: string): string {
  const clean = id
    .normalize('NFC')
    // The slugger keeps marks and symbols some file systems refuse or fold; none belongs in a path.
    .replace(/[<>:"/\\|?*\p{Cc}\p{Cf}]/gu, '')
    .replace(/^-+|-+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(clean)) return '';
  return reservedNames.test(clean) ? `${clean}-page` : clean;
}

/** The anchor GitHub gives a heading with this text, to follow links such as `Page.md#em5---title-5`. */
export function headingAnchor(text: string): string {
  return slug(text);
}
