import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AsWritten, InLanguage, LanguageOptions, Localized, LocalizedList, LocalizedOption, ProperName, Sentence, Verbatim } from '../../src/ui/localized';
import { renderPage } from './app';

/** Renders `node` on a page in `lang` and waits for the app's strings. */
async function onPage(lang: string, node: React.ReactNode) {
  cleanup();
  const page = renderPage(`/${lang}/x`, [{ path: 'x', element: <div data-testid="here">{node}</div> }]);
  await waitFor(() => expect(document.documentElement.lang).toBe(lang));
  return { page, here: await screen.findByTestId('here') };
}

describe('ui/localized: text in another language than the page', () => {
  it('shows the page language’s text unmarked, and English in its own language, isolated, with the mark', async () => {
    const { here } = await onPage('ar', <Localized text={{ en: 'Points of contact', fr: 'Points de contact' }} />);
    const shown = here.querySelector('bdi')!;
    expect(shown.textContent).toBe('Points of contact');
    expect([shown.getAttribute('lang'), shown.getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect(here.querySelector('[data-fallback]')).not.toBeNull();

    const own = await onPage('fr', <Localized text={{ en: 'Points of contact', fr: 'Points de contact' }} />);
    expect(own.here.textContent).toBe('Points de contact');
    expect(own.here.querySelector('[lang]')).toBeNull();
    expect(own.here.querySelector('[data-fallback]')).toBeNull();
  });

  it('marks a text held in one language on a page in another, and not on a page in its own', async () => {
    const ru = await onPage('ru', <InLanguage lang="en">Reporting cycle 2025</InLanguage>);
    expect(ru.here.querySelector('bdi[lang=en][dir=ltr]')?.textContent).toBe('Reporting cycle 2025');
    expect(ru.here.querySelector('[data-fallback]')).not.toBeNull();
    const en = await onPage('en', <InLanguage lang="en">Reporting cycle 2025</InLanguage>);
    expect(en.here.querySelector('[lang]')).toBeNull();
    expect(en.here.querySelector('[data-fallback]')).toBeNull();
    const ar = await onPage('en', <InLanguage lang="ar">دورة الإبلاغ</InLanguage>);
    expect(ar.here.querySelector('bdi')?.getAttribute('dir')).toBe('rtl');
  });

  it('keeps a symbol left to right, isolated and untranslated; a name in the direction of its letters', async () => {
    const { here } = await onPage('ar', (
      <>
        <Verbatim>PoA/2026/DEC.1</Verbatim>
        <ProperName>Camila Rojas</ProperName>
      </>
    ));
    const [code, name] = [...here.querySelectorAll('bdi[data-verbatim]')];
    expect([code!.getAttribute('dir'), code!.getAttribute('translate'), code!.textContent]).toEqual(['ltr', 'no', 'PoA/2026/DEC.1']);
    expect([name!.getAttribute('dir'), name!.getAttribute('translate'), name!.getAttribute('data-verbatim')]).toEqual(['auto', 'no', 'name']);
  });

  it('joins a list as the page’s language does, each item kept whole', async () => {
    const items = ['A', 'B', 'C'].map((x) => <Verbatim key={x}>{x}</Verbatim>);
    const en = await onPage('en', <LocalizedList items={items} />);
    expect(en.here.textContent).toBe('A, B, and C');
    expect(en.here.querySelectorAll('bdi')).toHaveLength(3);
    const zh = await onPage('zh', <LocalizedList items={items} />);
    expect(zh.here.textContent).toBe('A、B和C');
  });

  it('puts a node inside a translated sentence with its own marks', async () => {
    const { here } = await onPage('ar', <Sentence i18nKey="drafts.bodyIs" values={{ body: <InLanguage lang="en">Working group</InLanguage> }} />);
    const inside = here.querySelector('bdi[lang=en]');
    expect(inside?.textContent).toBe('Working group');
    // The sentence around it is Arabic, and nothing of the placeholder is left.
    expect(here.textContent).toMatch(/[\u0600-\u06FF]/);
    expect(here.textContent).not.toContain(String.fromCharCode(0));
    expect(here.textContent).not.toContain('{{');
  });

  it('shows a name with no text in the page’s language in a native option isolated, with its lang and the words that mark it', async () => {
    const group = { en: 'Technical working group on CBMs', fr: 'Groupe de travail technique sur les MDC' };
    const ar = await onPage('ar', (
      <select aria-label="body">
        <LocalizedOption value="g" text={group} />
        <LocalizedOption value="o" text={{ en: 'Recommendations' }} prefix={'\u2066PoA/2026/REC.1\u2069 — '} />
      </select>
    ));
    const [name, outcome] = [...ar.here.querySelectorAll('option')];
    expect([name!.getAttribute('lang'), name!.hasAttribute('data-fallback'), name!.textContent]).toEqual(['en', true, '\u2066Technical working group on CBMs\u2069 (بالإنكليزية)']);
    expect(outcome!.textContent).toBe('\u2066PoA/2026/REC.1\u2069 — \u2066Recommendations\u2069 (بالإنكليزية)');
    const zh = await onPage('zh', (
      <select aria-label="body">
        <LocalizedOption value="g" text={group} />
      </select>
    ));
    expect(zh.here.querySelector('option')!.textContent).toBe('\u2066Technical working group on CBMs\u2069（英文）');
    // In a language it has, the name alone, with nothing to mark.
    const fr = await onPage('fr', (
      <select aria-label="body">
        <LocalizedOption value="g" text={group} />
      </select>
    ));
    const own = fr.here.querySelector('option')!;
    expect([own.getAttribute('lang'), own.hasAttribute('data-fallback'), own.textContent]).toEqual([null, false, 'Groupe de travail technique sur les MDC']);
  });

  it('marks a text as its author wrote it only where its letters are not the page’s script', async () => {
    const ar = await onPage('ar', <AsWritten>Incident response lead</AsWritten>);
    const shown = ar.here.querySelector('bdi')!;
    expect([shown.getAttribute('lang'), shown.getAttribute('dir'), shown.textContent]).toEqual(['', 'auto', 'Incident response lead']);
    expect(ar.here.querySelector('[data-fallback="as-written"]')?.textContent).toBe('كما كُتب: دون ترجمة');
    // Arabic on an Arabic page, Latin on a French page: isolated, nothing to mark.
    const same = await onPage('ar', <AsWritten>مسؤول الاستجابة</AsWritten>);
    expect(same.here.querySelector('bdi')!.hasAttribute('lang')).toBe(false);
    expect(same.here.querySelector('[data-fallback]')).toBeNull();
    const fr = await onPage('fr', <AsWritten>Incident response lead</AsWritten>);
    expect(fr.here.querySelector('[lang]')).toBeNull();
    expect(fr.here.querySelector('[data-fallback]')).toBeNull();
  });

  it('names each language in itself, marked with its language and direction', async () => {
    const { here } = await onPage('zh', (
      <select aria-label="language">
        <LanguageOptions />
      </select>
    ));
    const options = [...here.querySelectorAll('option')].map((o) => [o.value, o.getAttribute('lang'), o.getAttribute('dir')]);
    expect(options).toContainEqual(['ar', 'ar', 'rtl']);
    expect(options).toContainEqual(['fr', 'fr', 'ltr']);
    expect(options).toHaveLength(6);
  });
});
