import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ATTACHMENT_TYPES, cleanFileName, sniffAttachmentType } from '../../runtime/attachments/index.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('attachment content sniffing', () => {
  it('knows the allowed types by their first bytes, whatever the name says', () => {
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'photo.txt')).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes('GIF89a', [1, 0, 1, 0]), 'x')).toBe('image/gif');
    expect(sniffAttachmentType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'x.bin')).toBe('image/webp');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n'), 'report')).toBe('application/pdf');
    expect(sniffAttachmentType(bytes('PK', [3, 4], 'rest'), '图纸.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffAttachmentType(Buffer.from('批次,数量\nL1,4\n'), '测量.csv')).toBe('text/csv');
  });

  it('refuses scripts, markup, zips without an Office name and binary text', () => {
    expect(sniffAttachmentType(Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg')).toBeUndefined();
    expect(sniffAttachmentType(Buffer.from('<!doctype html><script></script>'), 'page.txt.html')).toBeUndefined();
    expect(sniffAttachmentType(bytes('PK', [3, 4]), 'archive.zip')).toBeUndefined();
    expect(sniffAttachmentType(bytes('MZ', [0x90, 0]), 'setup.png')).toBeUndefined();
    expect(sniffAttachmentType(bytes('ok', [0], 'no'), 'notes.txt')).toBeUndefined();
    expect(sniffAttachmentType(bytes([0xc3, 0x28]), 'bad-utf8.txt')).toBeUndefined();
  });

  it('answers an allowed type or nothing for any content, never throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 20 }), (content, name) => {
        const type = sniffAttachmentType(content, name);
        expect(type === undefined || (ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(type)).toBe(true);
      }),
    );
  });

  it('keeps a file name without folders or control characters, at most 255 characters', () => {
    expect(cleanFileName('C:\\Users\\li\\照片.png')).toBe('照片.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const clean = cleanFileName(name);
        expect([...clean].length).toBeLessThanOrEqual(255);
        expect(clean).not.toMatch(/[\\/\u0000-\u001f]/);
      }),
    );
  });
});
