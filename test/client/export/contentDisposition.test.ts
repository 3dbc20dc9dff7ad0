import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from '../../../client/export/contentDisposition';

describe('filenameFromDisposition', () => {
  it('reads the quoted name the export router sends', () => {
    expect(
      filenameFromDisposition('attachment; filename="debate-night-2025-03-01.csv"', 'board.csv'),
    ).toBe('debate-night-2025-03-01.csv');
  });

  it('prefers the RFC 6266 extended name and decodes it', () => {
    const header = `attachment; filename="d-bat.md"; filename*=UTF-8''d%C3%A9bat%20%F0%9F%93%B0.md`;
    expect(filenameFromDisposition(header, 'board.md')).toBe('débat 📰.md');
  });

  it('reads an unquoted name and unescapes a quoted one', () => {
    expect(filenameFromDisposition('attachment; filename=a.json', 'x')).toBe('a.json');
    expect(filenameFromDisposition('attachment; filename="say \\"hi\\".md"', 'x')).toBe(
      'say "hi".md',
    );
  });

  it('never returns a path', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe(
      '.._.._etc_passwd',
    );
  });

  it('falls back when there is no usable name', () => {
    expect(filenameFromDisposition(null, 'board.csv')).toBe('board.csv');
    expect(filenameFromDisposition('attachment', 'board.csv')).toBe('board.csv');
    expect(filenameFromDisposition('attachment; filename=""', 'board.csv')).toBe('board.csv');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'b.md')).toBe('b.md');
  });
});
