// One spelling per speaker within an article. The speaker filter and the exports group cards
// by the speaker's exact text, so "Treasury" on one card and "US Treasury Department" on
// another are two speakers to a desk. Each speaker takes the fullest form the article itself
// gives for them; where the article gives two people or two bodies a short form could mean,
// the short form stays as written.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

/** The speaker of each candidate, in article order. */
const speakers = (article: string) =>
  extractClaims(article)
    .claims.sort((a, b) => a.start - b.start)
    .map((c) => c.speaker);

/** Five sentences that name no body and no speaker, for "the ministry" to be out of reach. */
const FILLER = [
  'Guards at La Esperanza worked 12-hour shifts in 2022.',
  'Visits to inmates were suspended for 18 months in 2020.',
  'The prison in Izalco held 4,000 inmates in 2023.',
  'Food rations fell to two meals a day in 2021.',
  'Three hospitals near the prisons closed in 2019.',
].join('\n\n');

describe('an organisation named short and in full', () => {
  it('gives the short name the fuller form the article uses for the same body', () => {
    expect(
      speakers(
        'The US Treasury Department said on Tuesday that it had sanctioned 12 officials.\n\n' +
          'The sanctions freeze $4 million in assets held in the United States, Treasury said.',
      ),
    ).toEqual(['US Treasury Department', 'US Treasury Department']);
  });

  it('gives "the ministry" the one ministry the article names, however far back', () => {
    expect(
      speakers(
        'The Ministry of Justice and Public Security said 2,000 inmates were moved in 2022.\n\n' +
          `${FILLER}\n\nThe transfers cost $3 million, the ministry said.`,
      ),
    ).toEqual([
      'Ministry of Justice and Public Security',
      null,
      null,
      null,
      null,
      null,
      'Ministry of Justice and Public Security',
    ]);
  });

  it('gives the ministry that its own sentence names short the full name', () => {
    // wink reads "Justice" as a noun, so the sentence's own name for the ministry is "Ministry".
    expect(
      speakers(
        'The Ministry of Justice and Public Security said 153 inmates died in custody in 2022.\n\n' +
          'The Ministry of Justice and Public Security moved 2,000 inmates to the new prison in ' +
          'March, the ministry said.',
      ),
    ).toEqual([
      'Ministry of Justice and Public Security',
      'Ministry of Justice and Public Security',
    ]);
  });

  it('drops the description after a name: "the El Faro news site" is El Faro', () => {
    expect(
      speakers(
        'El Faro reported in 2020 that the director had ordered 30 logbooks removed.\n\n' +
          'The El Faro news site said the logbooks covered 2019 and 2020.',
      ),
    ).toEqual(['El Faro', 'El Faro']);
  });

  it('keeps a short name that two bodies of the article could have', () => {
    expect(
      speakers(
        'The US Treasury Department said it had sanctioned 12 officials in 2021.\n\n' +
          'The Treasury Board said it had approved $4 million for prisons in 2022.\n\n' +
          'The sanctions freeze $9 million in assets held abroad, Treasury said.',
      ),
    ).toEqual(['US Treasury Department', 'Treasury Board', 'Treasury']);
  });

  it('keeps "the ministry" when the article names two ministries', () => {
    const found = speakers(
      'The Ministry of Health said 45 hospitals ran out of insulin in January.\n\n' +
        'The Ministry of Finance said it transferred $12 million to hospitals in December.\n\n' +
        `${FILLER}\n\nThe shortage will end by April 2024, the ministry said.`,
    );
    expect(found.at(-1)).toBe('the ministry');
  });

  it('keeps "the agency" when the article also describes another agency', () => {
    const found = speakers(
      'The Environmental Protection Agency said 40 rivers failed the standard in 2023.\n\n' +
        'The state environmental agency said 12 of them were in the north in 2022.\n\n' +
        `${FILLER}\n\nThe rivers will be tested again in 2025, the agency said.`,
    );
    expect(found.at(-1)).toBe('the agency');
  });

  it('does not take a name inside another body’s name for that body', () => {
    expect(
      speakers(
        'The Thomson Reuters Foundation said 40 journalists were jailed in 2023.\n\n' +
          'Harvard Medical School said it had trained 300 prison doctors since 2019.\n\n' +
          'Reuters said 12 of the journalists were freed in 2024.\n\n' +
          'Harvard said the training cost $2 million in 2023.',
      ),
    ).toEqual(['Thomson Reuters Foundation', 'Harvard Medical School', 'Reuters', 'Harvard']);
  });

  it('does not take officials of a body for the body', () => {
    expect(
      speakers(
        'The US Treasury Department said it had sanctioned 12 officials in 2021.\n\n' +
          'Treasury officials said the sanctions froze $4 million in assets in 2022.',
      ),
    ).toEqual(['US Treasury Department', 'Treasury officials']);
  });
});

describe('a person named in full and by surname', () => {
  it('gives a surname the full name when the person has two surnames', () => {
    expect(
      speakers(
        'Osiris Luna Meza, the prisons director, said 500 employees had been dismissed since October.\n\n' +
          'Luna said the dismissals followed an audit of 22 prisons in 2021.\n\n' +
          'Carlos Alberto Marroquín Chica, a former official, said he met gang leaders 12 times in 2019.\n\n' +
          'Marroquín said the meetings took place in three prisons in 2019.',
      ),
    ).toEqual([
      'Osiris Luna Meza',
      'Osiris Luna Meza',
      'Carlos Alberto Marroquín Chica',
      'Carlos Alberto Marroquín Chica',
    ]);
  });

  it('gives a shorter full name of the same person the fullest one', () => {
    expect(
      speakers(
        'Osiris Luna Meza, the prisons director, said 500 employees had been dismissed since October.\n\n' +
          'Osiris Luna said the dismissals followed an audit of 22 prisons in 2021.',
      ),
    ).toEqual(['Osiris Luna Meza', 'Osiris Luna Meza']);
  });

  it('keeps a surname that two people with two surnames share', () => {
    expect(
      speakers(
        'Ana García López, a nurse in San Miguel, said 30 patients were turned away on Monday.\n\n' +
          'Luis García Pérez, the hospital director, said the hospital had 12 beds left in May.\n\n' +
          'García said the hospital had asked for 200 doses in February.',
      ),
    ).toEqual(['Ana García López', 'Luis García Pérez', 'García']);
  });
});

describe('one spelling per speaker in a Spanish article', () => {
  it('gives the surname, the police and the ministry their full names', () => {
    expect(
      speakers(
        'El ministro de Justicia, Juan Pérez García, dijo que 300 custodios fueron destituidos desde marzo.\n\n' +
          'Pérez afirmó que los despidos formaban parte de una auditoría de 14 penales.\n\n' +
          'El Ministerio de Justicia y Seguridad Pública informó que 2.000 reos fueron trasladados en 2022.\n\n' +
          'Los traslados costaron 3 millones de dólares, informó el ministerio.\n\n' +
          'La Policía Nacional Civil detuvo a 45 personas en enero, según la Policía.',
      ),
    ).toEqual([
      'Juan Pérez García',
      'Juan Pérez García',
      'Ministerio de Justicia y Seguridad Pública',
      'Ministerio de Justicia y Seguridad Pública',
      'Policía Nacional Civil',
    ]);
  });

  it('keeps "el ministerio" when the article names two ministries', () => {
    const found = speakers(
      'El Ministerio de Salud informó que 45 hospitales se quedaron sin insulina en enero.\n\n' +
        'El Ministerio de Hacienda informó que transfirió 12 millones de dólares en diciembre.\n\n' +
        'La escasez terminará en abril de 2024, informó el ministerio.',
    );
    expect(found.at(-1)).toBe('el ministerio');
  });
});
