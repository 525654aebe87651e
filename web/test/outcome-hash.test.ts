import { describe, expect, it } from 'vitest';
import { contentHash } from '../../server/src/modules/decisions/revisions';
import { canonicalJson } from '../../server/src/platform/audit/canonical';
import { canonicalText, contentHashInBrowser } from '../src/features/drafts/hash';

/** The outcome page proves a text unchanged by hashing it in the browser: it must hash as the server does. */
describe('the browser’s content hash of an outcome', () => {
  const title = 'قرار بشأن بناء القدرات — 关于能力建设的决定';
  const paragraphs = [
    { key: 'a1b2c3d4', kind: 'preambular' as const, text: 'إذ تشير إلى قرار الجمعية العامة 77/37 المؤرخ 7 كانون الأول/ديسمبر 2022،' },
    { key: 'e5f6', kind: 'operative' as const, text: '决定设立一个向所有国家开放的能力建设技术工作组；' },
    { key: 'z-9', kind: 'operative' as const, text: 'Décide « d’agir » — with "quotes", a backslash \\ and an emoji 🌍.' },
  ];

  it('equals the server’s for Arabic, Chinese and other non-ASCII text', async () => {
    const expected = contentHash(title, paragraphs);
    expect(await contentHashInBrowser(title, paragraphs)).toBe(expected);
    expect(canonicalText(title, paragraphs)).toBe(canonicalJson({ title, paragraphs }));
  });

  it('ignores what the page adds (paragraph labels) and changes with a single character', async () => {
    const labelled = paragraphs.map((p, i) => ({ ...p, label: `OP${i}` }));
    expect(await contentHashInBrowser(title, labelled)).toBe(contentHash(title, paragraphs));
    const altered = paragraphs.map((p, i) => (i === 1 ? { ...p, text: p.text.replace('所有', '部分') } : p));
    expect(await contentHashInBrowser(title, altered)).not.toBe(contentHash(title, paragraphs));
    expect(await contentHashInBrowser(title, altered)).toBe(contentHash(title, altered));
  });
});
