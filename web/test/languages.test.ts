import { describe, expect, it } from 'vitest';
import { pathInLanguage, preferredLanguage } from '../src/app/languages';

describe('preferredLanguage', () => {
  it('takes the first preference the platform speaks, by primary subtag', () => {
    expect(preferredLanguage(['de-DE', 'fr-CH', 'en'])).toBe('fr');
    expect(preferredLanguage(['zh-Hant-TW'])).toBe('zh');
    expect(preferredLanguage(['AR'])).toBe('ar');
  });
  it('falls back to English', () => {
    expect(preferredLanguage(['de', 'ja'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('pathInLanguage', () => {
  it('swaps the language and keeps the rest of the address', () => {
    expect(pathInLanguage('/fr/states/BOL', '?q=x', 'ar')).toBe('/ar/states/BOL?q=x');
    expect(pathInLanguage('/en', '', 'zh')).toBe('/zh');
    expect(pathInLanguage('/en/', '', 'ru')).toBe('/ru');
  });
  it('adds a language to a path that has none', () => {
    expect(pathInLanguage('/states', '', 'es')).toBe('/es/states');
  });
});
