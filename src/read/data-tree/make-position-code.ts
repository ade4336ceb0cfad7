/**
 * The code of a position read from data, which names levels by number or by an id of its own: the
 * letters of the role's id in capitals, then the level (`backend` level 3 is `BACKEND3`), the form
 * `--only` and the handouts' names take. A role id with no letters gives `L3`.
 */
export function makePositionCode(roleId: string, level: number): string {
  const letters = roleId.replace(/[^\p{L}]/gu, '').toUpperCase();
  return `${letters || 'L'}${level}`;
}
