/** Write a ladder folder of `roles` role pages with `positions` positions each, with `introduction` copied in as its README.md. */
export function writeScaleLadders(dir: string, introduction: string, options?: { roles?: number; positions?: number }): Promise<void>;
