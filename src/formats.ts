/** The formats a handout is written in, in the order a build makes them. */
export const formats = ['pdf', 'html', 'md'] as const;

/** A format a handout is written in. */
export type OutputFormat = (typeof formats)[number];

/** The two formats written from templates; a PDF is its HTML printed. */
export type TextFormat = Exclude<OutputFormat, 'pdf'>;

/** The paper sizes a page is laid out for, each with its name in CSS `@page { size }`. */
export const paperSizes = { a4: 'A4', letter: 'letter' } as const;

/** A paper size. */
export type Paper = keyof typeof paperSizes;

/** Every paper size, in the order help texts list them. */
export const papers = Object.keys(paperSizes) as [Paper, ...Paper[]];

/** The two pages made for each position: the handout, and the worksheet to fill in during a review. */
export const variants = ['handout', 'review'] as const;

/** A page made for each position. */
export type Variant = (typeof variants)[number];
