// Spanish claim extraction on two hand-written articles (test/fixtures/articles/*.es.txt): a
// news report on Honduras's prisons and an EFE-style wire story on Monterrey's water crisis
// with «» quotations and dash attributions. Every checkable sentence is marked below with its
// speaker; each must be a candidate with exactly its offsets, and the questions, opinion and
// page furniture must not be. Also: the forms of attribution one at a time, chips with exact
// offsets, Spanish abbreviations in segmentation, and which texts read as Spanish.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';
import type { ClaimCandidate } from '../../../shared/extract/types';

const article = (name: string) =>
  readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

/** The one candidate whose sentence holds `fragment`. */
function claimFor(fragment: string, claims: ClaimCandidate[]) {
  const found = claims.filter((c) => c.sentence.includes(fragment));
  if (found.length !== 1) throw new Error(`${found.length} candidates for "${fragment}"`);
  return found[0]!;
}

/** The speaker of the one candidate holding `fragment`, in a short article of its own. */
const speakerOf = (text: string, fragment: string) =>
  claimFor(fragment, extractClaims(text).claims).speaker;

type Marked = [sentence: string, speaker: string | null];

/**
 * Asserts that each marked sentence is a candidate with its exact offsets and speaker, and
 * returns recall and speaker figures for the log.
 */
function checkMarked(name: string, marked: Marked[], notCandidates: string[]) {
  const text = article(name);
  const result = extractClaims(text);
  expect(result.language).toBe('es');
  let found = 0;
  let speakers = 0;
  for (const [sentence, speaker] of marked) {
    const start = text.indexOf(sentence);
    expect(start, sentence).toBeGreaterThanOrEqual(0);
    const candidate = result.claims.find((c) => c.start === start);
    expect(candidate, sentence).toBeDefined();
    expect(candidate!.end).toBe(start + sentence.length);
    expect(text.slice(candidate!.start, candidate!.end)).toBe(sentence);
    found++;
    expect(candidate!.speaker, sentence).toBe(speaker);
    speakers++;
  }
  for (const sentence of notCandidates) {
    expect(text).toContain(sentence);
    expect(
      result.claims.filter((c) => c.sentence.includes(sentence)),
      sentence,
    ).toEqual([]);
  }
  console.log(
    `[${name}] recall ${found}/${marked.length}; speakers ${speakers}/${marked.length}; ` +
      `candidates ${result.claims.length}`,
  );
  return result;
}

describe('a Spanish news report (Honduras prisons)', () => {
  const marked: Marked[] = [
    [
      'La Secretaría de Seguridad de Honduras informó el lunes que el sistema penitenciario alberga a 19.500 reos, casi el doble de su capacidad oficial de 10.500 plazas.',
      'Secretaría de Seguridad de Honduras',
    ],
    [
      'El Gobierno de Xiomara Castro entregó el control de las 26 cárceles del país a la Policía Militar del Orden Público en junio de 2023, diez días después de que 46 mujeres murieran en un motín en el Centro Femenino de Adaptación Social, en Támara.',
      null,
    ],
    [
      '"Las cárceles estaban gobernadas por las pandillas y eso se terminó", dijo el ministro de Seguridad, Gustavo Sánchez, en una entrevista con este diario.',
      'Gustavo Sánchez',
    ],
    [
      'Según Sánchez, las autoridades decomisaron 3.200 teléfonos celulares y 450 armas de fuego durante los primeros seis meses de la intervención.',
      'Gustavo Sánchez',
    ],
    [
      'La directora del Comité Nacional de Prevención contra la Tortura, Daysi Oseguera, afirmó que al menos 14 reclusos han muerto bajo custodia militar desde julio de 2023.',
      'Daysi Oseguera',
    ],
    ['"Muchas familias no saben si sus hijos están vivos", agregó.', 'Daysi Oseguera'],
    [
      'El Comisionado Nacional de los Derechos Humanos señaló en un informe que el hacinamiento alcanzó el 85 % en el penal de Morocelí.',
      'Comisionado Nacional de los Derechos Humanos',
    ],
    [
      'De acuerdo con ese mismo informe, el presupuesto por reo cayó a 2,1 dólares diarios en 2023.',
      'Comisionado Nacional de los Derechos Humanos',
    ],
    [
      'Joaquín Mejía, investigador del Equipo de Reflexión, Investigación y Comunicación, aseguró que la intervención militar es la más larga de la historia reciente del país.',
      'Joaquín Mejía',
    ],
    ['"No hay una sola auditoría independiente", sostuvo Mejía.', 'Joaquín Mejía'],
    [
      'La tasa de homicidios bajó a 31,1 por cada 100.000 habitantes en 2023, la más baja en 17 años, según datos del Observatorio de la Violencia de la Universidad Nacional Autónoma de Honduras.',
      'Observatorio de la Violencia de la Universidad Nacional Autónoma de Honduras',
    ],
    [
      'El Congreso Nacional aprobó en febrero un presupuesto de US$ 60 millones para construir una cárcel de máxima seguridad en las Islas del Cisne, a unos 250 kilómetros de la costa.',
      null,
    ],
  ];
  const notCandidates = [
    'Inicio › Noticias',
    'Honduras militariza sus cárceles',
    'Por Redacción Regional',
    '15 de marzo de 2024',
    '¿Quién vigila a los vigilantes?',
    'Las autoridades deberían abrir las cárceles',
    'Lea también',
  ];

  it('proposes every checkable sentence with its exact offsets and speaker', () => {
    checkMarked('honduras-carceles.es.txt', marked, notCandidates);
  });

  it('takes the headline as title and the page furniture out', () => {
    const result = extractClaims(article('honduras-carceles.es.txt'));
    expect(result.title).toBe('Honduras militariza sus cárceles tras la masacre de Támara');
    expect(result.removed.map((r) => r.reason)).toEqual([
      'breadcrumb',
      'headline',
      'byline',
      'byline',
      'teaser',
    ]);
  });

  it('cuts the reporting clause from the claim', () => {
    const { claims } = extractClaims(article('honduras-carceles.es.txt'));
    expect(claimFor('19.500 reos', claims).claim).toBe(
      'El sistema penitenciario alberga a 19.500 reos, casi el doble de su capacidad oficial de 10.500 plazas.',
    );
    expect(claimFor('gobernadas por las pandillas', claims).claim).toBe(
      'Las cárceles estaban gobernadas por las pandillas y eso se terminó.',
    );
    expect(claimFor('3.200 teléfonos', claims).claim).toBe(
      'Las autoridades decomisaron 3.200 teléfonos celulares y 450 armas de fuego durante los primeros seis meses de la intervención.',
    );
    expect(claimFor('31,1 por cada', claims).claim).toBe(
      'La tasa de homicidios bajó a 31,1 por cada 100.000 habitantes en 2023, la más baja en 17 años.',
    );
  });
});

describe('a Spanish wire story with «» quotations and dashes', () => {
  const marked: Marked[] = [
    [
      'MONTERREY (México), 12 jul (EFE).- La Comisión Nacional del Agua (Conagua) informó este miércoles que el 75 % del territorio mexicano sufre algún grado de sequía, la cifra más alta desde que se llevan registros.',
      'Comisión Nacional del Agua',
    ],
    [
      '«Estamos ante la peor crisis hídrica en la historia moderna de Nuevo León», afirmó el gobernador Samuel García en una rueda de prensa.',
      'Samuel García',
    ],
    ['«Las presas de la ciudad están al 4 % de su capacidad», añadió.', 'Samuel García'],
    [
      '—No vamos a dejar a ninguna colonia sin agua —dijo el director de Agua y Drenaje de Monterrey, Juan Ignacio Barragán—, pero los cortes seguirán al menos hasta septiembre.',
      'Juan Ignacio Barragán',
    ],
    [
      'Según la Conagua, la presa El Cuchillo almacena 72 millones de metros cúbicos, frente a los 1.123 millones que puede contener.',
      'Conagua',
    ],
    [
      'Vecinos de la colonia Independencia denunciaron que llevan 20 días sin servicio.',
      'Vecinos de la colonia Independencia',
    ],
    [
      '«Compramos pipas a 800 pesos cada una», relató María Guadalupe Torres, de 54 años.',
      'María Guadalupe Torres',
    ],
    [
      'La industria consume el 40 por ciento del agua de la zona metropolitana, de acuerdo a un estudio del Tecnológico de Monterrey publicado en mayo.',
      'Tecnológico de Monterrey',
    ],
    [
      'El Servicio Meteorológico Nacional prevé lluvias por encima del promedio a partir de agosto, aunque los expertos advierten que no bastarán.',
      null,
    ],
  ];
  const notCandidates = [
    'México registra el año más seco',
    '¿Cuándo volverá a llover?',
    'Es una vergüenza.',
    '© EFE 2022.',
    'Está expresamente prohibida',
  ];

  it('proposes every checkable sentence with its exact offsets and speaker', () => {
    checkMarked('agua-monterrey-wire.es.txt', marked, notCandidates);
  });

  it('drops a dash attribution and «» marks from the claim', () => {
    const { claims } = extractClaims(article('agua-monterrey-wire.es.txt'));
    expect(claimFor('ninguna colonia', claims).claim).toBe(
      'No vamos a dejar a ninguna colonia sin agua, pero los cortes seguirán al menos hasta septiembre.',
    );
    expect(claimFor('800 pesos', claims).claim).toBe('Compramos pipas a 800 pesos cada una.');
    expect(claimFor('75 %', claims).claim).toBe(
      'El 75 % del territorio mexicano sufre algún grado de sequía, la cifra más alta desde que se llevan registros.',
    );
  });
});

describe('the El Salvador example', () => {
  const text = [
    'El gobierno de El Salvador anunció el martes que la población penitenciaria superó las 110.000 personas, según cifras del Ministerio de Justicia y Seguridad Pública.',
    '"Hemos construido la cárcel más grande de América", dijo el ministro Gustavo Villatoro en una conferencia de prensa. Según Villatoro, el Centro de Confinamiento del Terrorismo tiene capacidad para 40.000 reos.',
    'La organización Cristosal afirmó que al menos 261 personas han muerto bajo custodia del Estado desde marzo de 2022. "Muchas de estas muertes muestran señales de tortura", señaló Noah Bullock, director de Cristosal.',
    'El presidente Nayib Bukele ha defendido el régimen de excepción, que ha sido prorrogado más de 30 veces. La tasa de homicidios cayó a 2,4 por cada 100.000 habitantes en 2023, de acuerdo con la Policía Nacional Civil.',
  ].join('\n\n');
  const { claims, language } = extractClaims(text);

  it.each([
    ['110.000 personas', 'Ministerio de Justicia y Seguridad Pública'],
    ['la cárcel más grande', 'Gustavo Villatoro'],
    ['40.000 reos', 'Gustavo Villatoro'],
    ['261 personas', 'Cristosal'],
    ['señales de tortura', 'Noah Bullock'],
    ['prorrogado más de 30 veces', null],
    ['2,4 por cada', 'Policía Nacional Civil'],
  ])('"%s" → %s', (fragment, speaker) => {
    expect(language).toBe('es');
    expect(claimFor(fragment, claims).speaker).toBe(speaker);
  });

  it('gives chips with exact offsets', () => {
    const chips = claims.flatMap((c) => c.entities);
    for (const chip of chips) expect(text.slice(chip.start, chip.end)).toBe(chip.text);
    const typed = chips.map((c) => `${c.type}:${c.text}`);
    expect(typed).toEqual(
      expect.arrayContaining([
        'number:110.000',
        'date:el martes',
        'organization:Ministerio de Justicia y Seguridad Pública',
        'person:Gustavo Villatoro',
        'organization:Centro de Confinamiento del Terrorismo',
        'number:40.000',
        'organization:Cristosal',
        'date:marzo de 2022',
        'person:Noah Bullock',
        'person:Nayib Bukele',
        'number:2,4',
        'date:2023',
        'organization:Policía Nacional Civil',
      ]),
    );
    // A capital at the start of a sentence is not a name.
    expect(typed).not.toContain('name:El');
    expect(typed.some((t) => t.includes('Según'))).toBe(false);
    expect(claimFor('la cárcel más grande', claims).signals).toContain('comparison');
  });
});

describe('Spanish attribution forms', () => {
  it.each([
    [
      'El ministro de Seguridad, Gustavo Villatoro, dijo que 2.000 pandilleros fueron detenidos en 2024.',
      '2.000 pandilleros',
      'Gustavo Villatoro',
    ],
    [
      'Su director, el doctor Osmín Tovar, dijo que el hospital atiende a unos 300 pacientes con ' +
        'síntomas de la enfermedad cada día, el doble que en junio.',
      '300 pacientes',
      'Osmín Tovar',
    ],
    [
      'Noah Bullock, director de Cristosal, dijo que 261 personas murieron bajo custodia desde 2022.',
      '261 personas',
      'Noah Bullock',
    ],
    [
      '—Detuvimos a 1.500 personas en marzo de 2024 —afirmó la fiscal Ana Pérez— en todo el país.',
      '1.500 personas',
      'Ana Pérez',
    ],
    [
      'La población penitenciaria de El Salvador creció un 40 % en 2023, informó el Ministerio de Justicia.',
      'un 40 %',
      'Ministerio de Justicia',
    ],
    [
      'Otros expertos consultados aseguraron que el penal tiene capacidad para 40.000 reos desde 2023.',
      'capacidad para 40.000',
      null,
    ],
  ])('%s', (text, fragment, speaker) => {
    expect(speakerOf(text, fragment)).toBe(speaker);
  });

  // QA: "La jefa de policía Mia Lund dijo que …" kept the role in the speaker, while "…, dijo
  // la jefa de policía Mia Lund." gave the name.
  it.each([
    ['La jefa de policía Mia Lund dijo que', 'Mia Lund'],
    ['El jefe de bomberos Ed Burns aseguró que', 'Ed Burns'],
    ['El vicealcalde Tom Hale informó que', 'Tom Hale'],
    ['El ex presidente Jorge Mora dijo que', 'Jorge Mora'],
    ['El director ejecutivo Juan Pérez afirmó que', 'Juan Pérez'],
    // The name is someone else's: the former minister's, the family's.
    ['El abogado del exministro Juan Pérez dijo que', 'el abogado del exministro Juan Pérez'],
    ['La vocera de la familia Pérez dijo que', 'la vocera de la familia Pérez'],
  ])('"%s …" → %s', (subject, speaker) => {
    const text = `${subject} los arrestos bajaron un 12 % en 2024 en toda la ciudad.`;
    expect(speakerOf(text, 'los arrestos')).toBe(speaker);
  });

  it('gives the same name when the role and name follow the verb', () => {
    const text =
      'Los arrestos bajaron un 12 % en 2024 en toda la ciudad, dijo la jefa de policía Mia Lund.';
    expect(speakerOf(text, 'Los arrestos')).toBe('Mia Lund');
  });

  // QA: the claim was cut to the quotation, "Llevamos cinco años pidiendo este plan.", and the
  // figure Ortega gave after it, the checkable part, went with the reporting clause.
  it.each([
    [
      '"Llevamos cinco años pidiendo este plan", dijo Ortega, quien recordó que el 30 por ciento de los médicos rurales se jubilará antes de 2030.',
      'Ortega',
    ],
    [
      '«El penal está lleno», dijo el ministro Gustavo Villatoro, y añadió que tiene 40.000 reos.',
      'Gustavo Villatoro',
    ],
  ])('keeps the sentence whole when a second statement follows the speaker: %s', (text, who) => {
    const [claim] = extractClaims(text).claims;
    expect(claim?.claim).toBe(text);
    expect(claim?.speaker).toBe(who);
  });

  it('gives a verb without subject and a bare role the previous speaker', () => {
    const text =
      '«El penal costó 115 millones de dólares», dijo el ministro Gustavo Villatoro el martes. ' +
      '«Tiene capacidad para 40.000 reos desde 2023», agregó el funcionario. ' +
      'Agregó que en 2024 ingresaron 12.000 nuevos reclusos al sistema penitenciario.';
    expect(speakerOf(text, '40.000 reos')).toBe('Gustavo Villatoro');
    expect(speakerOf(text, '12.000 nuevos')).toBe('Gustavo Villatoro');
  });

  it('gives a bare role the previous speaker only when that person held the role', () => {
    // "el presidente" after the finance secretary spoke is someone else: it stays as written,
    // as "the president" does in English when no one near was called so. "el ministro" after "el ministro X" is X.
    const text =
      'El secretario de Hacienda, Rogelio Ramírez de la O, afirmó que el gobierno espera un crecimiento del 2,5% este año. ' +
      '—La economía está más fuerte de lo que dicen los críticos —aseguró el presidente en su conferencia matutina. ' +
      '«La economía creció un 3% en 2024», dijo el presidente.';
    expect(speakerOf(text, 'más fuerte')).toBe('el presidente');
    expect(speakerOf(text, 'creció un 3%')).toBe('el presidente');
    const minister =
      '«El penal costó 115 millones de dólares», dijo el ministro Gustavo Villatoro el martes. ' +
      '«Tiene capacidad para 40.000 reos desde 2023», agregó el ministro.';
    expect(speakerOf(minister, '40.000 reos')).toBe('Gustavo Villatoro');
    const president =
      'El presidente Nayib Bukele dijo que la cárcel costó 115 millones de dólares en 2023. ' +
      '«Tiene capacidad para 40.000 reos desde 2023», agregó el mandatario.';
    expect(speakerOf(president, '40.000 reos')).toBe('Nayib Bukele');
  });

  it('gives every sentence of a dash dialogue the speaker its closing clause names', () => {
    const text =
      'El penal de Izalco fue inaugurado en 2019 con capacidad para 800 reos, según la Dirección de Centros Penales.\n\n' +
      '—En el penal hay 1.200 reos desde marzo de 2024. Los reos comen tres veces al día en el comedor central —dijo el director del penal, Mario Rivas.\n\n' +
      'La Procuraduría de Derechos Humanos informó que 14 reos murieron en el penal en 2023.';
    expect(speakerOf(text, '1.200 reos')).toBe('Mario Rivas');
    expect(speakerOf(text, 'tres veces al día')).toBe('Mario Rivas');
    expect(speakerOf(text, '14 reos')).toBe('Procuraduría de Derechos Humanos');
  });

  it('gives a bare role the person who held it, though someone else spoke after', () => {
    const text =
      'El ministro de Seguridad, Gustavo Villatoro, dijo que las cárceles tienen 1.200 reos. ' +
      'El alcalde Tom Hale aseguró que la ciudad invirtió 3 millones de dólares en 2023. ' +
      '«Las cárceles recibirán 400 guardias más en 2025», agregó el ministro.';
    expect(speakerOf(text, '400 guardias')).toBe('Gustavo Villatoro');
  });

  it('gives one name per person: "Villatoro" is "Gustavo Villatoro"', () => {
    const text =
      'El ministro Gustavo Villatoro dijo que la cárcel costó 115 millones de dólares en 2023. ' +
      'Villatoro afirmó que el penal tiene capacidad para 40.000 reos desde febrero.';
    expect(speakerOf(text, '40.000 reos')).toBe('Gustavo Villatoro');
  });
});

// As the English path does (findAttribution): a denial or accusation of an act tells that it was
// made, which is the article's to state; a denial of a statement keeps "negó", or the card
// would claim the opposite of what was said; a relative clause that reports no statement tells
// what its antecedent did, and the main clause is the article's own.
describe('a source with its short name in brackets', () => {
  it.each([
    [
      'De acuerdo con datos del Instituto Nacional de Ciencias Forenses (Inacif), la tasa de homicidios se situó en 14,2 por cada 100.000 habitantes, la más baja desde que la institución comenzó a publicar estadísticas en 2008.',
      'Instituto Nacional de Ciencias Forenses',
      'La tasa de homicidios se situó en 14,2 por cada 100.000 habitantes, la más baja desde que la institución comenzó a publicar estadísticas en 2008.',
    ],
    [
      'Las extorsiones bajaron un 12 % en 2025 en todo el país, según el Ministerio de Gobernación (Mingob).',
      'Ministerio de Gobernación',
      'Las extorsiones bajaron un 12 % en 2025 en todo el país.',
    ],
  ])('keeps it in the reporting clause: %s', (text, speaker, claim) => {
    const { claims } = extractClaims(text);
    expect(claims.map((c) => [c.speaker, c.claim])).toEqual([[speaker, claim]]);
  });
});

describe('Spanish denials, accusations and relative clauses', () => {
  // Each sentence has 12 words or more: a shorter text is read as English.
  const only = (text: string) => {
    const result = extractClaims(text);
    expect(result.language).toBe('es');
    const claims = result.claims;
    expect(claims).toHaveLength(1);
    return claims[0]!;
  };

  it.each([
    'El director de Centros Penales, Osiris Luna Meza, ha negado haber negociado con las pandillas en 2019.',
    'Osiris Luna Meza negó haber recibido 3 millones de dólares de las pandillas en 2019.',
    'La Fiscalía General acusó al exalcalde de San Salvador de desviar 3 millones de dólares del presupuesto municipal en 2021.',
  ])('an act denied or alleged has no speaker and stays whole: %s', (text) => {
    const claim = only(text);
    expect(claim.speaker).toBeNull();
    expect(claim.claim).toBe(text);
  });

  it.each([
    [
      'El ministro Gustavo Villatoro negó que las cárceles del país estuvieran sobrepobladas en diciembre de 2022.',
      'Gustavo Villatoro',
    ],
    [
      'El director de Centros Penales, Osiris Luna Meza, ha negado que 261 reos murieran bajo custodia en 2023.',
      'Osiris Luna Meza',
    ],
  ])('a statement denied keeps its speaker and the denial: %s', (text, speaker) => {
    const claim = only(text);
    expect(claim.speaker).toBe(speaker);
    expect(claim.claim).toBe(text);
  });

  it('"desmintió que" and "rechazó que" are denials too', () => {
    for (const [text, speaker] of [
      [
        'La ministra de Salud, Ana Orellana, desmintió que hubiera un brote de tuberculosis en los penales en 2023.',
        'Ana Orellana',
      ],
      [
        'La organización Human Rights Watch rechazó que el país respete los derechos de los 80.000 detenidos.',
        'Human Rights Watch',
      ],
    ] as const) {
      const claim = only(text);
      expect(claim.speaker, text).toBe(speaker);
      expect(claim.claim, text).toBe(text);
    }
  });

  it.each([
    'El Ministerio de Justicia no ha confirmado que 261 reos murieran bajo custodia en 2023.',
    'El ministro Gustavo Villatoro nunca dijo que el penal tuviera capacidad para 40.000 reos.',
  ])('a negated reporting verb names no speaker and stays whole: %s', (text) => {
    const claim = only(text);
    expect(claim.speaker).toBeNull();
    expect(claim.claim).toBe(text);
  });

  it('a relative clause that reports no statement leaves the main clause to the article', () => {
    const text =
      'Durante el gobierno del presidente Nayib Bukele, quien ha atribuido la caída de los homicidios a su plan, la tasa bajó a 2,4 por cada 100.000 habitantes en 2023.';
    expect(only(text).speaker).toBeNull();
    const reports =
      'La tasa bajó a 2,4 por cada 100.000 habitantes en 2023 según el presidente Nayib Bukele, quien ha asegurado que su plan funciona.';
    expect(speakerOf(reports, 'La tasa')).toBe('Nayib Bukele');
  });
});

it('gives the name after a former holder\'s role: "el exfiscal general Raúl Melara"', () => {
  const text =
    'El exfiscal general Raúl Melara, quien renunció en 2021, denunció que la Asamblea lo destituyó de forma ilegal en mayo de 2021.';
  expect(speakerOf(text, 'la Asamblea')).toBe('Raúl Melara');
});

it('proposes no place-and-date line as a claim', () => {
  const text =
    'San Salvador, 3 de marzo de 2024. El Gobierno inauguró en febrero de 2023 el Centro de Confinamiento del Terrorismo, con capacidad para 40.000 reos.';
  const result = extractClaims(text);
  expect(result.language).toBe('es');
  expect(result.claims.map((c) => c.sentence)).toEqual([text.slice(text.indexOf('El Gobierno'))]);
});

describe('"ella" and "él" with the gender the article gives its people', () => {
  // The role's own ending ("la ministra", "el director"), its article ("la portavoz", "el
  // fiscal") or a title ("la Sra.", "Don") tells; a verb without a subject says no gender.
  const perezThenGomez = (after: string) =>
    'La ministra de Salud, Ana Pérez, dijo que el hospital atenderá a 300 pacientes más en 2024. ' +
    'El director del penal, Juan Gómez, aseguró que la cárcel tiene 4.000 reclusos. ' +
    after;

  it.each([
    ['Ella dijo que el presupuesto de salud creció un 12 % este año.', '12 %'],
    ['«Contratamos a 200 médicos en marzo», afirmó ella.', '200 médicos'],
    ['«Tenemos 500 camas nuevas en el país», agregó la funcionaria.', '500 camas'],
  ])('skip a man for a woman: %s', (after, fragment) => {
    expect(speakerOf(perezThenGomez(after), fragment)).toBe('Ana Pérez');
  });

  it('keep the last person for a verb without a subject, which says no gender', () => {
    const text = perezThenGomez('Agregó que la vacuna llegó a 40 municipios en 2024.');
    expect(speakerOf(text, '40 municipios')).toBe('Juan Gómez');
    // …and for "ella" when nothing tells Gómez's gender; "él" then skips Pérez.
    const bare =
      'Ana Pérez dijo que el hospital atenderá a 300 pacientes más en 2024. ' +
      'La ministra Rosa Gómez aseguró que la cárcel tiene 4.000 reclusos. ' +
      'Él dijo que el presupuesto de salud creció un 12 % este año.';
    expect(speakerOf(bare, '12 %')).toBe('Ana Pérez');
  });

  it.each([
    ['La portavoz Ana Ruiz', 'El fiscal Raúl Melara'],
    ['La Sra. Ruiz', 'Don Raúl Melara'],
    ['Ana Ruiz, directora de Cristosal,', 'El exministro Raúl Melara'],
  ])('reads "%s" as a woman and "%s" as a man', (woman, man) => {
    const text =
      `${woman} dijo que la policía detuvo a 300 personas en marzo. ` +
      `${man} aseguró que hay 40 casos abiertos en 2024. ` +
      'Ella añadió que 12 agentes fueron suspendidos en abril.';
    expect(speakerOf(text, '12 agentes')).toMatch(/Ruiz$/);
  });

  it('does not take the role of the person a complement names: "el asesor de la ministra"', () => {
    const text =
      'El asesor de la ministra, Luis Ruiz, dijo que la policía detuvo a 300 personas en marzo. ' +
      'La fiscal Rosa Melara aseguró que hay 40 casos abiertos en 2024. ' +
      'Él añadió que 12 agentes fueron suspendidos en abril.';
    expect(speakerOf(text, '12 agentes')).toBe('Luis Ruiz');
  });
});

describe('Spanish roles, ages, sources and "según informó"', () => {
  it('gives a bare role no institute the sentence before named', () => {
    const text =
      'La tasa de desempleo bajó al 5,2 % en el tercer trimestre, informó este viernes el Instituto Nacional de Estadística. ' +
      '«Hemos reducido los homicidios a la mitad», dijo el alcalde en una asamblea vecinal el jueves por la noche.';
    expect(speakerOf(text, 'Hemos reducido')).toBe('el alcalde');
  });

  it('leaves a dateline glued to its dash, "SAN SALVADOR.-", out of the claim', () => {
    const sentence =
      'SAN SALVADOR.- El Juzgado Especializado de Sentencia condenó este martes a 12 años de ' +
      'prisión al exalcalde Rigoberto Menjívar por desviar 1,8 millones de dólares.';
    const [card] = extractClaims(sentence).claims;
    expect(card!.sentence).toBe(sentence);
    expect(card!.claim).toBe(sentence.slice('SAN SALVADOR.- '.length));
  });

  it('reads an age beside a name as part of the aside', () => {
    const text =
      'Pérez, de 54 años, quien dirige la agencia desde 2019, afirmó que el presupuesto aumentará en 3.000 millones de dólares.';
    expect(speakerOf(text, 'presupuesto')).toBe('Pérez');
  });

  it('gives "según su directora, la doctora Ana Chávez" the name, and cuts the whole clause', () => {
    const text =
      'El hospital atendió a 1.200 pacientes por golpe de calor el verano pasado, según su directora, la doctora Ana Chávez.';
    const [claim] = extractClaims(text).claims;
    expect(claim?.speaker).toBe('Ana Chávez');
    expect(claim?.claim).toBe(
      'El hospital atendió a 1.200 pacientes por golpe de calor el verano pasado.',
    );
  });

  it('gives a study "publicado en la revista …" the journal', () => {
    const text =
      'Un estudio publicado en la revista The Lancet concluyó que uno de cada cinco adultos tiene hipertensión.';
    expect(speakerOf(text, 'uno de cada cinco')).toBe('The Lancet');
  });

  it('gives a "recuento" its publisher, and "según informó en …" no speaker', () => {
    const text =
      'De acuerdo con un recuento de Reuters, al menos 1.400 personas murieron en el ataque del 7 de octubre. ' +
      'Los ingresos de la empresa crecieron un 12 % hasta 4.500 millones de dólares, según informó en un comunicado.';
    expect(speakerOf(text, '1.400 personas')).toBe('Reuters');
    expect(speakerOf(text, 'Los ingresos')).toBeNull();
  });
});

describe('a government press conference (Guatemala)', () => {
  // From /tmp/ex49/articles/conferencia.es.txt: a president the article never names, a verb
  // after "según" with no subject, and a survey without its publisher.
  const text =
    '«Muchas de las muertes no se están contando como homicidios», aseguró su director, Mario Polanco.\n\n' +
    'Consultado sobre el informe, el presidente respondió que su Gobierno «no esconde ningún número». ' +
    '«Los datos del Inacif son públicos y cualquiera puede revisarlos», dijo.\n\n' +
    'El mandatario también anunció la construcción de una nueva cárcel de máxima seguridad en Escuintla, con capacidad para 2.000 reos. ' +
    'Según explicó, la obra estará terminada a finales de 2027.\n\n' +
    'La Cámara de Comercio de Guatemala señaló en un comunicado que el 62 % de los pequeños comercios del país ha pagado extorsiones alguna vez, según una encuesta realizada a 1.200 empresarios en mayo.';
  const { claims } = extractClaims(text);

  it.each([
    ['Los datos del Inacif', 'el presidente'],
    ['nueva cárcel', 'el presidente'],
    ['la obra estará terminada', 'el presidente'],
    ['62 %', 'Cámara de Comercio de Guatemala'],
  ])('"%s" → %s', (fragment, speaker) => {
    expect(claimFor(fragment, claims).speaker).toBe(speaker);
  });

  it('cuts "Según explicó," from the claim', () => {
    expect(claimFor('la obra estará terminada', claims).claim).toBe(
      'La obra estará terminada a finales de 2027.',
    );
  });
});

describe('a subject that announces its statement without "que"', () => {
  const text =
    'Sanidad creará 1.200 plazas de médicos rurales\n\n' +
    'El Ministerio de Sanidad anunció el lunes la creación de 1.200 nuevas plazas de médicos ' +
    'rurales. La Consejería de Salud de Castilla y León confirmó este martes 14 contagios de ' +
    'sarampión en Zamora. El ministro de Sanidad, Carlos Ruiz, ha explicado el reparto de las ' +
    'plazas entre 17 comunidades autónomas. Se anunció también una partida de 48 millones de ' +
    'euros para ambulancias. La oposición criticó el plan, que costará 300 millones de euros ' +
    'hasta 2027.';
  const { claims, language } = extractClaims(text);

  it('gives the sentence its subject and keeps it whole, as English does', () => {
    expect(language).toBe('es');
    const sanidad = claimFor('1.200 nuevas plazas', claims);
    expect(sanidad.speaker).toBe('Ministerio de Sanidad');
    expect(sanidad.claim).toBe(sanidad.sentence);
    expect(claimFor('14 contagios', claims).speaker).toBe('Consejería de Salud de Castilla y León');
    expect(claimFor('el reparto', claims).speaker).toBe('Carlos Ruiz');
    const english = extractClaims(
      'The Health Ministry announced on Monday 1,200 new posts for rural doctors.',
    ).claims;
    expect(english[0]?.speaker).toBe('Health Ministry');
  });

  it('names no one for "se anunció", nor for a verb that states an act', () => {
    expect(claimFor('48 millones', claims).speaker).toBeNull();
    expect(claimFor('criticó el plan', claims).speaker).toBeNull();
  });
});

describe('Spanish sentence segmentation', () => {
  it('keeps abbreviations, thousands separators and decimal commas inside sentences', () => {
    const text =
      'El Sr. Pérez y la Sra. Gómez se reunieron con la Dra. López en la sede del ministerio el lunes. ' +
      'El Lic. Martínez habló con el Gral. Ortiz sobre el decreto núm. 45 publicado en marzo. ' +
      'La inflación fue de 2,4 % y la población superó las 110.000 personas en EE.UU. según el informe. ' +
      '«¿Quién paga esto?», preguntó la diputada Ana Pérez durante la sesión. ' +
      '—No hay hacinamiento —dijo el director del penal— y los reos reciben tres comidas al día.';
    const { sentences, language } = extractClaims(text);
    expect(language).toBe('es');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.text)).toEqual([
      'El Sr. Pérez y la Sra. Gómez se reunieron con la Dra. López en la sede del ministerio el lunes.',
      'El Lic. Martínez habló con el Gral. Ortiz sobre el decreto núm. 45 publicado en marzo.',
      'La inflación fue de 2,4 % y la población superó las 110.000 personas en EE.UU. según el informe.',
      '«¿Quién paga esto?», preguntó la diputada Ana Pérez durante la sesión.',
      '—No hay hacinamiento —dijo el director del penal— y los reos reciben tres comidas al día.',
    ]);
  });

  it('keeps a quotation of two sentences with its reporting clause, in «», “” and ""', () => {
    const text =
      'El Ayuntamiento de Riverton aprobó el lunes un presupuesto de 48 millones de euros para el ' +
      'nuevo puente, frente a los 34 millones previstos en 2022. El presidente de la asociación de ' +
      'contribuyentes, Rob Hale, criticó el aumento.\n\n' +
      '«Nos prometieron un proyecto de 34 millones. Ahora nos piden 48 millones», dijo Hale.\n\n' +
      '“Pedimos los contratos. Nos dieron un resumen”, afirmó la concejala Ana Ruiz.\n\n' +
      '"El acero subió un 30 % en 2023. La mano de obra, un 12 %", explicó el ingeniero municipal, ' +
      'Tomás Lund.\n\n' +
      '«Las obras empezarán en mayo. Durarán dos años.»';
    const { sentences, claims, language } = extractClaims(text);
    expect(language).toBe('es');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.text).slice(2)).toEqual([
      '«Nos prometieron un proyecto de 34 millones. Ahora nos piden 48 millones», dijo Hale.',
      '“Pedimos los contratos. Nos dieron un resumen”, afirmó la concejala Ana Ruiz.',
      '"El acero subió un 30 % en 2023. La mano de obra, un 12 %", explicó el ingeniero municipal, Tomás Lund.',
      // No clause closes it: each sentence is a claim of its own.
      '«Las obras empezarán en mayo.',
      'Durarán dos años.»',
    ]);
    const hale = claimFor('Nos prometieron', claims);
    expect(hale.speaker).toBe('Rob Hale');
    expect(hale.claim).toBe(
      'Nos prometieron un proyecto de 34 millones. Ahora nos piden 48 millones.',
    );
    expect(claimFor('El acero subió', claims).speaker).toBe('Tomás Lund');
  });

  it('does not propose a quoted question', () => {
    const text =
      '«¿Quién paga los 115 millones de dólares del penal?», preguntó la diputada Ana Pérez en 2023.';
    expect(extractClaims(text).claims).toEqual([]);
  });
});

describe('which texts read as Spanish', () => {
  it('reads Portuguese, Catalan and French as other languages, with no claims', () => {
    const portuguese =
      'O governo de El Salvador anunciou na terça-feira que a população carcerária superou as 110 mil pessoas, segundo dados do Ministério da Justiça. ' +
      'A organização Cristosal afirmou que pelo menos 261 pessoas morreram sob custódia do Estado desde março de 2022.';
    const catalan =
      'El govern del Salvador va anunciar dimarts que la població penitenciària va superar les 110.000 persones, segons xifres del Ministeri de Justícia. ' +
      'L’organització Cristosal va afirmar que almenys 261 persones han mort sota custòdia de l’Estat des del març del 2022.';
    const french =
      'Le gouvernement a annoncé mardi que le nombre de détenus a dépassé les 110 000 personnes, selon les chiffres du ministère de la Justice. ' +
      'Selon Cristosal, au moins 261 personnes sont mortes sous la garde de l’État depuis mars 2022.';
    for (const text of [portuguese, catalan, french, french.split('. ')[0]!]) {
      const result = extractClaims(text);
      expect(result.language).toBe('other');
      expect(result.claims).toEqual([]);
    }
  });
});

describe('"Según la OMS" and other organisations after an article', () => {
  // The English path read "the WHO" as the pronoun "who"; Spanish reads capitals, and "la"
  // and "el" before an acronym or a body's name are no part of the speaker.
  const text = [
    'Según la OMS, la tasa de vacunación llegó al 91 por ciento en 2022, un récord en la región.',
    'Según el FMI, la economía creció un 2,9 por ciento en 2023 en toda la región.',
    'La pobreza cayó un 3 por ciento en 2022 en los países de la región, según el Banco Mundial.',
    'Los casos de sarampión subieron un 30 por ciento en 2023, según la OMS.',
  ].join('\n\n');
  const { claims } = extractClaims(text);

  it.each([
    [
      'tasa de vacunación',
      'OMS',
      'La tasa de vacunación llegó al 91 por ciento en 2022, un récord en la región.',
    ],
    [
      'la economía creció',
      'FMI',
      'La economía creció un 2,9 por ciento en 2023 en toda la región.',
    ],
    [
      'La pobreza cayó',
      'Banco Mundial',
      'La pobreza cayó un 3 por ciento en 2022 en los países de la región.',
    ],
    ['casos de sarampión', 'OMS', 'Los casos de sarampión subieron un 30 por ciento en 2023.'],
  ])('"%s" → %s', (fragment, speaker, claim) => {
    const card = claimFor(fragment, claims);
    expect(card.speaker).toBe(speaker);
    expect(card.claim).toBe(claim);
  });
});

describe('"<cargo>, <Nombre>, <verbo> [cuándo] [a quién] que …"', () => {
  // QA: the comma closing the aside before the verb was read as an inverted reporting clause
  // ('"…", dijo X'), so the words after the verb ("a este diario", "este martes") were taken
  // for the speaker, the previous sentence's source stood in, and the claim was cut to the
  // subject.
  const getafe =
    'La alcaldesa de Getafe, Lucía Ferrer, declaró a este diario que su municipio "no ha recibido ni un solo euro" del fondo estatal de vivienda en 2024.';

  it('gives the name, after a "Según …" sentence too, and keeps the statement', () => {
    const text =
      'Según el Instituto Nacional de Estadística, la población de Madrid superó los 7 millones de habitantes en 2023. ' +
      getafe;
    for (const article of [getafe, text]) {
      const card = claimFor('su municipio', extractClaims(article).claims);
      expect(card.speaker).toBe('Lucía Ferrer');
      expect(card.claim).toContain('no ha recibido ni un solo euro');
      expect(card.claim).toContain('del fondo estatal de vivienda');
    }
  });

  it.each([
    ['aseguró este martes que', 'Carmen Robles'],
    ['afirmó ayer a la prensa que', 'Carmen Robles'],
    ['dijo a EFE que', 'Carmen Robles'],
    ['explicó el lunes que', 'Carmen Robles'],
    ['señaló que', 'Carmen Robles'],
  ])('"La ministra de Vivienda, Carmen Robles, %s …" → %s', (verb, speaker) => {
    const text = `La ministra de Vivienda, Carmen Robles, ${verb} el precio del alquiler ha subido un 48 % en Madrid desde 2015.`;
    const card = claimFor('precio del alquiler', extractClaims(text).claims);
    expect(card.speaker).toBe(speaker);
    expect(card.claim).toBe('El precio del alquiler ha subido un 48 % en Madrid desde 2015.');
  });

  it('still reads a role and its relative "que" after the verb as an inverted clause', () => {
    const text = '«El penal tiene 40.000 reos desde 2023», señaló la fiscal que lleva el caso.';
    const card = claimFor('40.000 reos', extractClaims(text).claims);
    expect(card.speaker).toBe('la fiscal');
    expect(card.claim).toBe('El penal tiene 40.000 reos desde 2023.');
  });
});
