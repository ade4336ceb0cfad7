import { describe, expect, it } from 'vitest';
import { axisLabelLength, namesAxis } from '../src/read/axis-label.js';

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

describe('axisLabelLength', () => {
  it('takes the gloss with the name before a keyword', () => {
    expect(axisLabelLength('기술(technology) - 다듬는다', '기술')).toBe('기술(technology)'.length);
    expect(axisLabelLength('technology - adopts', '기술 (Technology)')).toBe('technology'.length);
    expect(axisLabelLength('system - adopts', '기술')).toBeNull();
  });
});
