// The Spanish cues to a person's gender (`PersonGenders`): a title ("la Sra. Pérez", "Doña
// Rosa"), a role's own ending ("la ministra de Salud, Ana Pérez", "Noah Bullock, director de
// Cristosal") or, for a role of one form, its article ("la portavoz Ana Ruiz", "el fiscal
// Raúl Melara"). Spanish possessives ("su oficina") have no gender, so pronouns after a name
// give no cue here.
import type { Token } from '../analyzeText';
import type { NameRun } from '../findNames';
import { PersonGenders, type Gender, type GenderWords } from '../PersonGenders';
import type { SentenceSpan } from '../segmentSentences';
import { spanishWords } from './SpanishWord';
import { genderedWords as gendered, wordList as words } from '../genderedWords';

const SPANISH_GENDER_WORDS: GenderWords = {
  roles: gendered(
    `presidenta vicepresidenta mandataria ministra viceministra secretaria subsecretaria
     directora subdirectora diputada senadora alcaldesa vicealcaldesa gobernadora
     vicegobernadora jueza magistrada procuradora defensora comisionada comisaria embajadora
     vocera jefa coordinadora abogada investigadora experta académica profesora doctora médica
     inspectora funcionaria concejala consejera asesora fundadora rectora reina señora doña
     sra. srta. dra. licda. profa. mtra. dña. excma. madre esposa hija hermana viuda abuela
     mujer`,
    `mandatario ministro viceministro secretario subsecretario director subdirector diputado
     senador alcalde vicealcalde gobernador vicegobernador magistrado procurador defensor
     comisionado comisario embajador vocero jefe coordinador abogado investigador experto
     académico profesor doctor médico inspector funcionario concejal consejero asesor fundador
     rector rey sacerdote obispo arzobispo cardenal monseñor señor don sr. dr. lic. mtro.
     excmo. mons. pbro. padre esposo hijo hermano viudo abuelo hombre`,
  ),
  neutralRoles: new Set(
    words(`presidente vicepresidente fiscal portavoz juez canciller gerente periodista activista
      analista economista especialista agente dirigente líder representante titular general
      coronel capitán teniente sargento comandante testigo`),
  ),
  articles: gendered('la una esta esa aquella dicha', 'el un este ese aquel dicho del al'),
  determiners: new Set(words('los las unos unas su sus')),
  modifiers: new Set(words('ex actual entonces nuevo nueva futuro futura')),
  prepositions: new Set(words('de del a al por para con en sin sobre ante desde hacia')),
  clauses: new Set(words('quien quienes que cuyo cuya cual')),
  exPrefix: true,
};

/** Subject pronouns with their gender: "Ella dijo que …", "«…», afirmó él." */
export const SUBJECT_PRONOUN_GENDER: Readonly<Record<string, Gender>> = {
  ella: 'female',
  él: 'male',
};

/** The genders the article's cues give its people. */
export function spanishGenders(
  tokens: Token[],
  body: SentenceSpan[],
  names: NameRun[][],
): PersonGenders {
  const genders = new PersonGenders(SPANISH_GENDER_WORDS);
  body.forEach((span, si) =>
    genders.readSentence(spanishWords(tokens, span.first, span.last), names[si]!),
  );
  return genders;
}
