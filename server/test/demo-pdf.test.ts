import { describe, expect, it } from 'vitest';
import { demoPdf } from '../src/demo/pdf.js';
import { detectFormat } from '../src/modules/documents/file-types.js';

/** The demo ships real PDFs: a page, the text on it, and a cross-reference table a reader can trust. */
describe('the demo PDF', () => {
  const bytes = demoPdf(['Provisional agenda', 'French version (épreuve)']);
  const text = bytes.toString('latin1');

  it('is a PDF with one page and its text in a content stream', () => {
    expect(detectFormat(bytes)).toBe('pdf');
    expect(text).toMatch(/\/Type \/Pages \/Kids \[3 0 R\] \/Count 1/);
    expect(text).toContain('(Provisional agenda) Tj');
    // Outside the standard fonts' range, a character is replaced, never left to break the file.
    expect(text).toContain('(French version \\(?preuve\\)) Tj');
  });

  it('has a cross-reference table whose offsets point at its objects, and a startxref that points at it', () => {
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text)!;
    const start = stream.index + stream[0].length;
    expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10)).toBe('\nendstream');
  });
});
