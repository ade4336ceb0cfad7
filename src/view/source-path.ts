import path from 'node:path';

/**
 * The path of a ladder page as internal pages name it: relative to the ladder folder, so that it reads
 * the same whichever folder the build ran in. Both paths are as the model keeps them, relative to the
 * working folder; without a folder the page's path is kept as it is.
 */
export function sourcePath(file: string, folder: string | null | undefined): string {
  if (!folder) return file;
  const relative = path.posix.relative(folder, file);
  // A page outside the folder (the shipped introduction) keeps the path it was read by.
  return relative && !relative.startsWith('../') && !path.posix.isAbsolute(relative) ? relative : file;
}
