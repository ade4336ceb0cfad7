/**
 * The code of a position read from data, which names levels by number or by an id of its own: the
 * letters and digits of the role's id in capitals, then the level (`backend` level 3 is `BACKEND3`),
 * the form `--only` and the handouts' names take. A hyphen keeps the level apart from an id that ends
 * in a digit (`team-2` level 3 is `TEAM2-3`); a role id with neither letters nor digits gives `L3`.
 */
export function makePositionCode(roleId: string, level: number): string {
  const name = roleId.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase() || 'L';
  return /\p{N}$/u.test(name) ? `${name}-${level}` : `${name}${level}`;
}
