import { describe, it, expect } from 'vitest';
import type { StateRecord } from '../src/modules/states/names.js';
import { UN_NAME_CORRECTIONS, stateReference } from '../src/modules/states/reference.js';
import { LANGUAGES } from '../src/kernel/languages.js';
import { fold } from '../src/kernel/fold.js';

const states = stateReference();
const byIso3 = new Map(states.map((s) => [s.iso3, s]));

function state(iso3: string): StateRecord {
  const s = byIso3.get(iso3);
  if (!s) throw new Error(`no ${iso3}`);
  return s;
}

describe('stateReference', () => {
  it('lists the 193 Member States and the 2 observer States, sorted by iso3', () => {
    expect(states).toHaveLength(195);
    expect(states.filter((s) => s.status === 'member')).toHaveLength(193);
    const observers = states.filter((s) => s.status === 'observer').map((s) => s.iso3);
    expect(observers).toEqual(['PSE', 'VAT']);
    expect(states.map((s) => s.iso3)).toEqual([...states.map((s) => s.iso3)].sort());
  });

  it('has unique ISO and M49 codes of the right shape', () => {
    expect(new Set(states.map((s) => s.iso3)).size).toBe(195);
    expect(new Set(states.map((s) => s.m49)).size).toBe(195);
    for (const s of states) {
      expect(s.iso3).toMatch(/^[A-Z]{3}$/);
      expect(s.m49).toMatch(/^\d{3}$/);
    }
    expect(state('BOL').m49).toBe('068');
    expect(state('VAT').m49).toBe('336');
    expect(state('PSE').m49).toBe('275');
  });

  it('has a non-empty name in each of the six languages', () => {
    for (const s of states) {
      expect(Object.keys(s.names).sort()).toEqual([...LANGUAGES].sort());
      for (const l of LANGUAGES) expect(s.names[l].trim(), `${s.iso3} ${l}`).not.toBe('');
    }
  });

  it('puts the Member States in the UN regional groups as the UN counts them', () => {
    const count = (group: StateRecord['regionalGroup']): number =>
      states.filter((s) => s.status === 'member' && s.regionalGroup === group).length;
    expect(count('AG')).toBe(54);
    expect(count('APG')).toBe(54); // including Kiribati, in the group since 2010
    expect(count('EEG')).toBe(23);
    expect(count('GRULAC')).toBe(33);
    expect(count('WEOG')).toBe(29); // 28 + the United States, counted for electoral purposes
    expect(count(null)).toBe(0);
    expect(state('KIR').regionalGroup).toBe('APG');
    expect(state('USA').regionalGroup).toBe('WEOG');
    expect(state('TUR').regionalGroup).toBe('WEOG');
    expect(state('ISR').regionalGroup).toBe('WEOG');
    expect(state('PSE').regionalGroup).toBe('APG');
    expect(state('VAT').regionalGroup).toBeNull();
  });

  it("uses the UN's names for the observer States in every language", () => {
    expect(state('VAT').names).toEqual({
      ar: 'الكرسي الرسولي',
      zh: '教廷',
      en: 'Holy See',
      fr: 'Saint-Siège',
      ru: 'Святейший Престол',
      es: 'Santa Sede',
    });
    expect(state('PSE').names).toEqual({
      ar: 'دولة فلسطين',
      zh: '巴勒斯坦国',
      en: 'State of Palestine',
      fr: 'État de Palestine',
      ru: 'Государство Палестина',
      es: 'Estado de Palestina',
    });
  });

  it("uses the UN's short names", () => {
    expect(state('TUR').names).toEqual({ ar: 'تركيا', zh: '土耳其', en: 'Türkiye', fr: 'Türkiye', ru: 'Турция', es: 'Türkiye' });
    expect(state('BOL').names.en).toBe('Bolivia (Plurinational State of)');
    expect(state('BOL').names.fr).toBe('Bolivie (État plurinational de)');
    expect(state('BOL').names.es).toBe('Bolivia (Estado Plurinacional de)');
    expect(state('GBR').names.fr).toBe("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord");
    expect(state('KOR').names.fr).toBe('République de Corée');
    expect(state('VNM').names.fr).toBe('Viet Nam');
    expect(state('COG').names.ar).toBe('الكونغو');
    expect(state('COD').names.ar).toBe('جمهورية الكونغو الديمقراطية');
  });

  it('corrects only States in the list', () => {
    for (const iso3 of Object.keys(UN_NAME_CORRECTIONS)) expect(byIso3.has(iso3), iso3).toBe(true);
  });

  it('returns copies that callers may change', () => {
    const first = stateReference();
    const bol = first.find((s) => s.iso3 === 'BOL');
    if (!bol) throw new Error('no BOL');
    bol.names.en = 'changed';
    expect(state('BOL').names.en).toBe('Bolivia (Plurinational State of)');
    expect(stateReference().find((s) => s.iso3 === 'BOL')?.names.en).toBe('Bolivia (Plurinational State of)');
  });

  it('can be searched without accents or typographic apostrophes', () => {
    const civ = state('CIV');
    expect(fold(civ.names.fr)).toContain(fold("cote d'ivoire"));
    expect(fold(civ.names.en)).toContain(fold("cote d'ivoire"));
    expect(fold(state('TUR').names.en)).toBe('turkiye');
    const matches = states.filter((s) => LANGUAGES.some((l) => fold(s.names[l]).includes(fold('turkiye'))));
    expect(matches.map((s) => s.iso3)).toEqual(['TUR']);
  });
});
