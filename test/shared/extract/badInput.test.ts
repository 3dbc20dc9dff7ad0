// Input classification: empty, too large, binary, other languages, formats.
import { describe, expect, it } from 'vitest';
import { decodeArticleInput, MAX_ARTICLE_BYTES } from '../../../shared/extract/decodeArticleInput';
import { ExtractError } from '../../../shared/extract/ExtractError';
import { extractClaims } from '../../../shared/extract/extractClaims';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as ExtractError).code;
  }
}

describe('bad input', () => {
  it('rejects empty and whitespace-only text with code empty', () => {
    expect(codeOf(() => decodeArticleInput(''))).toBe('empty');
    expect(codeOf(() => decodeArticleInput(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => extractClaims(' \n\t\n '))).toBe('empty');
  });

  it('rejects text of only invisible characters as empty, and ignores a title of them', () => {
    // Zero-width space, joiners, word joiner, BOM, soft hyphen, Hangul filler, Braille blank.
    for (const text of ['   \u200b ', '\u200b\u200c\u200d\u2060', '\ufeff\u00ad\u3164\u2800']) {
      expect(codeOf(() => decodeArticleInput(text))).toBe('empty');
      expect(codeOf(() => decodeArticleInput(new TextEncoder().encode(text)))).toBe('empty');
      expect(codeOf(() => extractClaims(text))).toBe('empty');
    }
    const text = 'The minister said 40% of the prisons are full.';
    expect(extractClaims(text, { title: ' \u200b ' }).title).toBe(text);
    expect(extractClaims(`\u200b\n\n${text}`).title).toBe(text);
  });

  it('rejects more than 1 MB with code too_large, as text or as bytes', () => {
    const big = 'a'.repeat(MAX_ARTICLE_BYTES + 1);
    expect(codeOf(() => decodeArticleInput(big))).toBe('too_large');
    expect(codeOf(() => decodeArticleInput(new TextEncoder().encode(big)))).toBe('too_large');
    // 400,000 three-byte characters are 1.2 MB on the wire though only 400,000 JS chars.
    expect(codeOf(() => extractClaims('€'.repeat(400_000)))).toBe('too_large');
    expect(codeOf(() => decodeArticleInput('a'.repeat(MAX_ARTICLE_BYTES)))).toBeNull();
    // Said as people say sizes.
    expect(() => decodeArticleInput(big)).toThrow(/^The article is larger than 1 MB/);
    expect(() => decodeArticleInput('a'.repeat(2_001), { maxBytes: 2_000 })).toThrow(
      /larger than 2 KB/,
    );
  });

  it('reads an article holding one 999,000-character word, offsets exact', () => {
    // A pasted blob: wink's tokenizer is quadratic in a token's length, and took over 13
    // minutes on this before analyzeText cut long runs (20,000 characters: about a second).
    const before = 'The minister said 40% of the prisons are full. ';
    const after = ' The report, published in 2020, cited 12 visits by the director.';
    const text = before + 'x'.repeat(999_000) + after;
    const result = extractClaims(text);
    expect(result.text).toBe(text);
    expect(result.claims.some((c) => c.sentence.includes('12 visits'))).toBe(true);
    for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.sentence);
  });

  it('reads a 300 KB sentence of names, one in brackets, in time', () => {
    // A security pass: each name's brackets (inBrackets) and its place among the words
    // (PersonGenders, englishGenders, when the sentence holds a pronoun) were looked for from
    // the sentence's start, quadratic in its length: this took over a minute, past the test's
    // time limit, and a 1 MB paste held an extraction thread to its own.
    const text = `Ms Al-Ab said she ${'Al-Ab '.repeat(50_000)}sold 40% of (Al-Ab) shares.`;
    const result = extractClaims(text);
    expect(result.sentences).toHaveLength(1);
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]!.sentence).toBe(text);
  });

  it('rejects binaries with code unsupported_media', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(codeOf(() => decodeArticleInput(png))).toBe('unsupported_media');
    const noisy = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 32)).join('');
    expect(codeOf(() => decodeArticleInput(noisy))).toBe('unsupported_media');
    expect(codeOf(() => decodeArticleInput('text', { contentType: 'image/png' }))).toBe(
      'unsupported_media',
    );
    expect(codeOf(() => decodeArticleInput('text', { contentType: 'application/pdf' }))).toBe(
      'unsupported_media',
    );
  });

  it('decodes UTF-8 (dropping a BOM) and falls back to Windows-1252', () => {
    const utf8 = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Gráfica said so.'),
    ]);
    expect(decodeArticleInput(utf8).text).toBe('Gráfica said so.');
    const latin = new Uint8Array([0x47, 0x72, 0xe1, 0x66, 0x69, 0x63, 0x61]); // "Gráfica"
    expect(decodeArticleInput(latin).text).toBe('Gráfica');
  });

  // QA: one stray byte at the end of a UTF-8 file made the whole file Windows-1252, every
  // accented letter garbled ("aprobÃ³").
  it('reads a UTF-8 file with a few bad bytes as UTF-8, a U+FFFD for each', () => {
    const spanish =
      'El Gobierno aprobó una subida del 8% del salario mínimo, según el ministerio. La ' +
      'inflación cerró 2025 en el 3,1%, según el Instituto Nacional de Estadística.';
    const withStray = new Uint8Array([...new TextEncoder().encode(spanish), 0x20, 0xff]);
    expect(decodeArticleInput(withStray).text).toBe(`${spanish} \uFFFD`);
    // A Windows-1252 quotation mark pasted into a UTF-8 story: the story stays UTF-8.
    const before =
      'La inflación cerró 2025 en el 3,1%, según el Instituto Nacional de Estadística. ';
    const after = 'El ministerio aprobó la subida del salario mínimo.';
    const mixed = new Uint8Array([
      ...new TextEncoder().encode(before),
      0x93,
      ...new TextEncoder().encode(after),
    ]);
    expect(decodeArticleInput(mixed).text).toBe(`${before}\uFFFD${after}`);
  });

  // QA: under about 100 characters, one bad byte was over 1 % of the text, and the file was
  // refused as binary.
  it('reads a short UTF-8 text with one stray byte as text, a U+FFFD for it', () => {
    const short = 'El Gobierno aprobó una subida del 8% del salario mínimo, según él.';
    const stray = new Uint8Array([...new TextEncoder().encode(short), 0xff]);
    expect(decodeArticleInput(stray).text).toBe(`${short}\uFFFD`);
    const inside = new Uint8Array([
      ...new TextEncoder().encode('Según la policía, '),
      0xc3,
      ...new TextEncoder().encode(' hubo 40 detenidos en León.'),
    ]);
    expect(decodeArticleInput(inside).text).toBe(
      'Según la policía, \uFFFD hubo 40 detenidos en León.',
    );
    // Pasted as text with the mark already in it.
    expect(decodeArticleInput('Exports rose 4% in May, the ministry said.\uFFFD').text).toBe(
      'Exports rose 4% in May, the ministry said.\uFFFD',
    );
  });

  it('still refuses short binaries: a PDF header, a zip, control characters', () => {
    const pdf = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n%'),
      0xe2,
      0xe3,
      0xcf,
      0xd3,
      0x0a,
      0x01,
      0x02,
      0x1f,
    ]);
    expect(codeOf(() => decodeArticleInput(pdf))).toBe('unsupported_media');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(codeOf(() => decodeArticleInput(zip))).toBe('unsupported_media');
    expect(codeOf(() => decodeArticleInput('abc\u0001\u0002def'))).toBe('unsupported_media');
    expect(() => decodeArticleInput('abc\u0001\u0002def')).toThrow(/binary file/);
  });

  it('still reads a Windows-1252 file whose bytes happen to make a UTF-8 letter', () => {
    // "Ñ’" is 0xD1 0x92, a valid UTF-8 sequence; the file's other accents are not.
    const bytes = Uint8Array.from(
      [...'ESPAÑ’ rebajó la previsión, según él.'].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))),
    );
    expect(decodeArticleInput(bytes).text).toBe('ESPAÑ’ rebajó la previsión, según él.');
  });

  it('reads Windows-1252 quotes, dashes and the euro sign as themselves, not as controls', () => {
    // As Word's "plain text" saves it: “The city’s vote was 7–2 … €5”.
    const cp1252 = new Uint8Array([
      0x93,
      ...new TextEncoder().encode('The city'),
      0x92,
      ...new TextEncoder().encode('s vote was 7'),
      0x96,
      0x32,
      0x20,
      0x85,
      0x20,
      0x80,
      0x35,
      0x94,
    ]);
    expect(decodeArticleInput(cp1252).text).toBe('“The city’s vote was 7–2 … €5”');
  });

  it('reads UTF-16 with its byte-order mark, as Notepad’s "Unicode" saves it', () => {
    const text = 'El ministro dijo que el 40% de las cárceles están llenas.';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const be = new Uint8Array([
      0xfe,
      0xff,
      ...new Uint8Array(Buffer.from(text, 'utf16le').swap16()),
    ]);
    expect(decodeArticleInput(le).text).toBe(text);
    expect(decodeArticleInput(be).text).toBe(text);
    // Without the mark, NUL bytes: refused, saying what to do instead.
    expect(() => decodeArticleInput(le.subarray(2))).toThrow(
      /not plain text.*save it as plain text/,
    );
  });

  it('names documents that are not text and says what to do instead', () => {
    const types = {
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
      'application/msword': 'Word document',
      'application/pdf': 'PDF',
      'application/rtf': 'RTF document',
      // RTF can come as text/*: its markup must not become the article.
      'text/rtf': 'RTF document',
    };
    for (const [contentType, name] of Object.entries(types)) {
      expect(() => decodeArticleInput('{\\rtf1 text}', { contentType })).toThrow(
        `A ${name} cannot be imported. Open it, copy the article’s text and paste it here`,
      );
    }
    expect(() => decodeArticleInput('text', { filename: 'story.docx' })).toThrow(/Word document/);
    expect(() => decodeArticleInput('text', { contentType: 'image/png' })).toThrow(
      /^This file \(image\/png\) is not a text article/,
    );
  });

  it('tells HTML and Markdown from plain text', () => {
    expect(decodeArticleInput('<!DOCTYPE html><html><body>x</body></html>').format).toBe('html');
    expect(decodeArticleInput('<p>a</p><p>b</p><p>c</p>').format).toBe('html');
    expect(decodeArticleInput('x', { filename: 'story.HTM' }).format).toBe('html');
    expect(decodeArticleInput('# Title', { filename: 'a.md' }).format).toBe('markdown');
    expect(decodeArticleInput('Prices rose 3% <p> in May.').format).toBe('text');
    expect(decodeArticleInput('x', { contentType: 'text/html; charset=utf-8' }).format).toBe(
      'html',
    );
  });
});

describe('text in another language', () => {
  // Spanish has claims of its own (spanishClaims.test.ts); Portuguese is one of the others.
  const portuguese = [
    'Demitidos 500 funcionários das prisões em El Salvador',
    'Cerca de 500 funcionários do sistema penitenciário foram demitidos desde outubro, segundo um porta-voz do sindicato. ' +
      'O diretor dos Centros Penais, Osiris Luna, negou ter negociado com as gangues. ' +
      'Os trabalhadores afirmam que receberam ordens para retirar as câmeras de vigilância.',
    'A Procuradoria não respondeu às perguntas deste jornal sobre o caso.',
  ].join('\n\n');

  it('is still split into sentences, but no claims are invented', () => {
    const result = extractClaims(portuguese);
    expect(result.language).toBe('other');
    expect(result.claims).toEqual([]);
    expect(result.sentences.filter((s) => s.kind === 'body').map((s) => s.text)).toEqual([
      'Cerca de 500 funcionários do sistema penitenciário foram demitidos desde outubro, segundo um porta-voz do sindicato.',
      'O diretor dos Centros Penais, Osiris Luna, negou ter negociado com as gangues.',
      'Os trabalhadores afirmam que receberam ordens para retirar as câmeras de vigilância.',
      'A Procuradoria não respondeu às perguntas deste jornal sobre o caso.',
    ]);
    expect(result.title).toBe('Demitidos 500 funcionários das prisões em El Salvador');
  });

  it('reads an article in Chinese, Japanese or Arabic as no language it knows, however few its words', () => {
    for (const text of [
      '国家统计局表示，2024年全国人口减少了139万。\n\n专家认为，出生率下降是主要原因。',
      '総務省によると、2024年の日本の人口は前年より約60万人減少した。\n\n政府は対策を急いでいる。',
      'قالت وزارة الصحة إن عدد الحالات ارتفع إلى 120 حالة.',
    ]) {
      const result = extractClaims(text);
      expect(result.language).toBe('other');
      expect(result.claims).toEqual([]);
    }
    // A short English text quoting a few words of another script is still English.
    expect(
      extractClaims('The minister said “مرحبا بكم” to the crowd of 5,000 people.').language,
    ).toBe('en');
  });

  it('proposes claims for the same article in Spanish', () => {
    const spanish = [
      'Despiden a 500 empleados de cárceles en El Salvador',
      'Unos 500 empleados del sistema penitenciario han sido despedidos desde octubre, según un portavoz del sindicato. ' +
        'El director de Centros Penales, Osiris Luna, negó haber negociado con las pandillas.',
    ].join('\n\n');
    const result = extractClaims(spanish);
    expect(result.language).toBe('es');
    expect(result.claims.map((c) => c.speaker)).toContain('un portavoz del sindicato');
  });

  it('skips a foreign-language sentence quoted inside an English article', () => {
    const text =
      'The president spoke in Spanish to 2,000 supporters in San Salvador on Sunday. ' +
      'Nosotros vamos a ganar esta guerra contra las pandillas y los corruptos del país. ' +
      'He promised to build 12 new prisons by 2026, his office said.';
    const { language, claims } = extractClaims(text);
    expect(language).toBe('en');
    expect(claims.map((c) => c.sentence.slice(0, 9)).sort()).toEqual(['He promis', 'The presi']);
  });

  it('proposes an English sentence that uses none of the English function words (QA)', () => {
    const text =
      'Hospitals in England reported their busiest winter on record, NHS England said on Thursday. ' +
      'A&E departments saw 2.2 million attendances, a 4% rise on last year. ' +
      'The figures were published by the health service after a delay of two weeks, and they were ' +
      'worse than the government had forecast in its winter plan, which was published in October. ' +
      'A German paper put it this way: Die Notaufnahmen verzeichneten 2,2 Millionen Besuche, ein Anstieg auf das Vorjahr. ' +
      'Die Zahl der Besuche ist seit dem Vorjahr um vier Prozent gestiegen und wird weiter steigen.';
    const sentences = extractClaims(text).claims.map((c) => c.sentence.slice(0, 12));
    expect(sentences).toContain('A&E departme');
    // German, with none of the English words either, is still left out.
    expect(sentences).not.toContain('Die Zahl der');
  });
});

describe('English sentences full of Spanish names', () => {
  // Names belong to no language: the function words say which one a sentence is in.
  it('reads a short English article about Salvadoran officials as English', () => {
    const text =
      'Osiris Luna Meza denied knowing Carlos Alberto Marroquín Chica. ' +
      "Bukele's cousin Nayib Ernesto Ruiz de la Cruz said so on Monday in San Salvador. " +
      'Osiris Luna Meza denied it.';
    const { language, claims } = extractClaims(text);
    expect(language).toBe('en');
    // A denial with no statement after it is the article's to state (findAttribution).
    expect(claims.map((c) => [c.sentence.slice(0, 16), c.speaker]).sort()).toEqual([
      ["Bukele's cousin ", 'Nayib Ernesto Ruiz de la Cruz'],
      ['Osiris Luna Meza', null],
      ['Osiris Luna Meza', null],
    ]);
  });

  it('proposes such a sentence inside an English article', () => {
    const text =
      'The prison director faced questions from lawmakers for three hours on Monday. ' +
      'Osiris Luna Meza denied wrongdoing on Monday in San Salvador.';
    const found = extractClaims(text).claims.find((c) => c.sentence.startsWith('Osiris'));
    expect(found?.claim).toBe('Osiris Luna Meza denied wrongdoing on Monday in San Salvador.');
  });

  it.each([
    ['Osiris Luna Meza denied knowing Carlos Alberto Marroquín Chica or Ernesto Muyshondt.'],
    [
      'Osiris Luna Meza told La Prensa Gráfica on Tuesday that Centro de Confinamiento del ' +
        'Terrorismo holds 12,000 inmates.',
    ],
    ["Bukele's cousin Nayib Ernesto Ruiz de la Cruz denied it on Monday in San Salvador."],
  ])('reads the passage "%s" as English', (passage) => {
    const result = extractClaims(passage);
    expect(result.language).toBe('en');
    expect(result.claims).toHaveLength(1);
  });

  it('still reads a Spanish sentence full of names as Spanish', () => {
    const sentence =
      'Según la organización Human Rights Watch, el Centro de Confinamiento del Terrorismo ' +
      'de Tecoluca tiene capacidad para 40.000 presos desde marzo de 2023.';
    expect(extractClaims(sentence).language).toBe('es');
  });
});
