import { makeId } from '../make-id.js';

/**
 * The id of a competency named `name`, shared by every role that names it: its words without
 * emoji or `:shortcode:` marks (`🦉 Domain expertise` and `Domain Expertise` are both `domain-expertise`).
 */
export function competencyId(name: string): string {
  return makeId(name.replace(/:[a-z\d_+-]+:/gi, ' '));
}
