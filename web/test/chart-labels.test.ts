import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../src/ui/chart-labels';

describe("a chart axis's names, wrapped", () => {
  it('cuts at spaces, a line at most as long as asked', () => {
    expect(wrapLabel('Western European and other States', 12, 4)).toEqual(['Western', 'European and', 'other States']);
    expect(wrapLabel('2025', 12, 3)).toEqual(['2025']);
  });

  it('cuts a word or a text without spaces between its characters', () => {
    expect(wrapLabel('保护关键基础设施', 3, 4)).toEqual(['保护关', '键基础', '设施']);
    expect(wrapLabel('Responsibility', 5, 4)).toEqual(['Respo', 'nsibi', 'lity']);
  });

  it('ends the last line with an ellipsis when the name is longer than the lines allowed', () => {
    const lines = wrapLabel('Protect critical infrastructure from ICT threats', 10, 2);
    expect(lines).toEqual(['Protect', 'critical…']);
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(10);
  });
});
