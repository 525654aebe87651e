import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

/** Sample files, made here byte by byte. */
export const samplePdf = () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sampleDocxContentTypes = strToU8(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
export const sampleDocx = () =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': sampleDocxContentTypes,
      '_rels/.rels': strToU8('<Relationships/>'),
      'word/document.xml': strToU8('<w:document/>'),
    }),
  );
export const sampleOdt = (mimetype = 'application/vnd.oasis.opendocument.text') =>
  Buffer.from(zipSync({ mimetype: [strToU8(mimetype), { level: 0 }], 'content.xml': strToU8('<office:document-content/>'), 'META-INF/manifest.xml': strToU8('<manifest/>') }));
export const samplePng = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);


/**
 * A DOCX whose one picture inflates to `inflatedBytes` of zeros: a few hundred kilobytes on the wire
 * (a "zip bomb"). Deflated as a stream, so the test never holds the inflated bytes itself.
 */
export function docxBomb(inflatedBytes: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const add = (name: string, data: Uint8Array) => {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(data, true);
  };
  add('[Content_Types].xml', sampleDocxContentTypes);
  add('word/document.xml', strToU8('<w:document/>'));
  const picture = new ZipDeflate('word/media/image1.bmp', { level: 9 });
  zip.add(picture);
  const zeros = new Uint8Array(1024 * 1024);
  for (let sent = 0; sent < inflatedBytes; sent += zeros.length) picture.push(zeros, sent + zeros.length >= inflatedBytes);
  zip.end();
  return Buffer.concat(parts);
}
