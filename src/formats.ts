/** The formats a build writes, in the order it makes them: each page as PDF, HTML and Markdown, and the books (one PDF of the whole ladder, one per role). */
export const formats = ['pdf', 'html', 'md', 'book'] as const;

/** A format a build writes. */
export type OutputFormat = (typeof formats)[number];

/** The two formats written from templates; a PDF (and a book) is HTML printed. */
export type TextFormat = Exclude<OutputFormat, 'pdf' | 'book'>;

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
