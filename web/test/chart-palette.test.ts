import { describe, expect, it } from 'vitest';
import { CAPACITY_PALETTE, CHART, contrastRatio, MAPS, PARTICIPATION_PALETTE, STACKS, STATUS_PALETTE, CHECK_PALETTE, type Swatch } from '../src/ui/chart-palette';

const all: Swatch[] = [...Object.values(STATUS_PALETTE), ...Object.values(PARTICIPATION_PALETTE), ...Object.values(CAPACITY_PALETTE), ...Object.values(CHECK_PALETTE)];

describe('the contrast ratio', () => {
  it("is WCAG's", () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Mantine's default blue on white, 3.55:1 (DESIGN.md).
    expect(contrastRatio('#228be6', '#ffffff')).toBeCloseTo(3.55, 1);
    expect(() => contrastRatio('blue', '#ffffff')).toThrow();
  });
});

describe('the charts palette (WCAG 2.2, 1.4.11 and 1.4.3)', () => {
  it('gives every filled shape 3:1 against the chart background', () => {
    for (const s of all) expect(contrastRatio(s.fill, CHART.background), s.fill).toBeGreaterThanOrEqual(3);
  });

  it('gives 3:1 between the parts of a stacked bar that touch', () => {
    for (const [name, stack] of Object.entries(STACKS)) {
      for (let i = 1; i < stack.length; i++) {
        expect(contrastRatio(stack[i - 1]!.fill, stack[i]!.fill), `${name}: ${stack[i - 1]!.fill} beside ${stack[i]!.fill}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives 4.5:1 to text written on a shape, and to the text and axes of a chart', () => {
    for (const s of all) expect(contrastRatio(s.ink, s.fill), `${s.ink} on ${s.fill}`).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(CHART.text, CHART.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(CHART.text, CHART.sea)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives a map's countries 3:1 against each other, the sea and the map's white, and outlines 3:1 against the sea and the white", () => {
    for (const [name, colours] of Object.entries(MAPS)) {
      for (const c of colours) {
        for (const other of [...colours.filter((x) => x !== c), CHART.sea, CHART.notAState]) {
          expect(contrastRatio(c, other), `${name}: ${c} beside ${other}`).toBeGreaterThanOrEqual(3);
        }
      }
      // A territory that is not a State is as light as the sea: its outline tells them apart.
      for (const c of [CHART.sea, CHART.notAState]) expect(contrastRatio(CHART.border, c), `${name}: outline on ${c}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives each series of a chart a pattern of its own, so that colour is not the only cue', () => {
    for (const [name, stack] of Object.entries(STACKS)) {
      const patterns = stack.map((s) => s.pattern);
      expect(new Set(patterns).size, `${name}: ${patterns.join(', ')}`).toBe(stack.length);
    }
  });
});
