import { describe, expect, it } from 'vitest';
import { checkUpload, contentDisposition, sanitizeFileName, sniffType } from './documents.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

describe('uploads', () => {
  it('detects the type from the first bytes', () => {
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(bytes('PK\x03\x04....[Content_Types].xml....word/document.xml'))).toBe('docx');
    expect(sniffType(bytes('PK\x03\x04....xl/workbook.xml'))).toBeUndefined();
    expect(sniffType(bytes('<html>'))).toBeUndefined();
  });

  it('refuses HTML disguised as PDF, oversize, empty and mismatched names', () => {
    const code = (r: ReturnType<typeof checkUpload>) => (r.ok ? 'ok' : r.issue.code);
    expect(code(checkUpload('cv', 'a.pdf', bytes('%PDF-1.4 <script>x</script>'), 100))).toBe('active_content');
    expect(code(checkUpload('cv', 'a.pdf', bytes('%PDF-1.4 <HTML>'), 100))).toBe('active_content');
    expect(code(checkUpload('cv', 'a.pdf', bytes('%PDF-1.4 ok'), 5))).toBe('too_large');
    expect(code(checkUpload('cv', 'a.pdf', new Uint8Array(), 5))).toBe('empty_file');
    expect(code(checkUpload('cv', 'a.docx', bytes('%PDF-1.4 ok'), 100))).toBe('type_mismatch');
    expect(checkUpload('cv', 'a.PDF', bytes('%PDF-1.4 ok'), 100)).toEqual({
      ok: true,
      value: { type: 'pdf', contentType: 'application/pdf', fileName: 'a.PDF' },
    });
  });

  it('sanitises names: no directories, dot-dot, control characters; limited length', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(sanitizeFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(sanitizeFileName('...')).toBe('document');
    expect(sanitizeFileName('cv..pdf')).toBe('cv.pdf');
    const long = sanitizeFileName(`${'x'.repeat(300)}.pdf`);
    expect(long.length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('writes an RFC 5987 Content-Disposition', () => {
    expect(contentDisposition('Surat “resmi”.pdf')).toBe(
      `attachment; filename="Surat _resmi_.pdf"; filename*=UTF-8''Surat%20%E2%80%9Cresmi%E2%80%9D.pdf`,
    );
  });
});
