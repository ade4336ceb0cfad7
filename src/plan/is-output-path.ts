/** Longer than any output a plan makes; a manifest key past it is not one of ours. */
const maxOutputPathLength = 1024;

/**
 * Whether `file` is a plain path inside the output folder, as outputs and the manifest name them:
 * names joined by `/`, none of them empty, `.` or `..`; not absolute, no drive letter, no backslash
 * (another system's separator) and no control character such as NUL.
 */
export function isOutputPath(file: string): boolean {
  if (file === '' || file.length > maxOutputPathLength) return false;
  if (/[\\\p{Cc}]/u.test(file) || /^[a-z]:/i.test(file) || file.startsWith('/')) return false;
  return file.split('/').every((name) => name !== '' && name !== '.' && name !== '..');
}
