import { describe, expect, it } from 'vitest';
import { namesAxis } from '../src/read/axis-label.js';

describe('namesAxis', () => {
  it.each([
    ['기술', '기술'],
    ['기술(Technology)', '기술'],
    ['기술 (technology)', '기술'],
    ['범위（Scope）', '범위'],
    ['Technology (기술)', '기술'],
    ['Tecnología (Technology)', 'Tecnología'],
    ['Technology', '기술 (Technology)'],
    ['기술', '기술 (Technology)'],
  ])('`%s` names the axis `%s`', (label, axis) => {
    expect(namesAxis(label, axis)).toBe(true);
  });

  it.each([
    ['Technologies', 'Technology'],
    ['Tech (Scope)', 'Technology'],
    ['System', 'Technology'],
    ['기술(Technology', '기술'],
    ['A (B) (C)', 'B'],
  ])('`%s` does not name the axis `%s`', (label, axis) => {
    expect(namesAxis(label, axis)).toBe(false);
  });
});

describe('namesAxis on any text', () => {
  it('reads names with regular-expression characters as text', () => {
    expect(namesAxis('!--- : [', '!--- : [')).toBe(true);
    expect(namesAxis('a.b (c)', 'a.b')).toBe(true);
    expect(namesAxis('axb', 'a.b')).toBe(false);
  });
});
