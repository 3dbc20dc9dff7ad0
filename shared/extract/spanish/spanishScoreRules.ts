// What raises and lowers a Spanish sentence's check-worthiness, in the terms of scoreSentence.
// Spanish adds comparatives and records as a signal of their own: "la cárcel más grande de
// América", "el mayor descenso", "por primera vez" are claims a fact-checker is asked to check.
import type { ScoreRules } from '../scoreSentence';

/** Whole words or phrases, accents included (\b does not know that "á" is a letter). */
const words = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'iu');

export const SPANISH_SCORE_RULES: ScoreRules = {
  opinion: words(
    'debe|deben|debería|deberían|debemos|tiene que|tienen que|hay que|parece|parecen|al parecer|' +
      'probablemente|posiblemente|quizás?|tal vez|acaso|sin duda|evidentemente|obviamente|' +
      'claramente|creo|creemos|pienso|pensamos|considero|consideramos|opino|en mi opinión|' +
      'a mi juicio|a nuestro juicio|es hora de|es momento de|urge|hace falta|es necesario|es evidente|es posible|es probable|' +
      'podría|podrían|pudiera|pudieran|ojalá',
  ),
  hedgedReport: words(
    'presuntamente|supuestamente|presunto|presunta|presuntos|presuntas|habría|habrían|según|' +
      'de acuerdo con|de acuerdo a|acusó|acusan|acusaron|denunció|denunciaron|negó|negaron',
  ),
  firstPerson: words('yo|nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|mi|mis|me|nos'),
  quotation: /["“«]([^"”»]*)["”»]/g,
  // "El jardín luce precioso en primavera", "fue un día maravilloso".
  evaluative: words(
    '(?:es|son|era|eran|fue|fueron|está|están|estaba|estaban|luce|lucen|lucía|resulta|quedó)' +
      '(?:\\s+(?:muy|tan|realmente|verdaderamente|simplemente))?(?:\\s+(?:un|una)\\s+\\p{L}+)?\\s+' +
      '(?:precios[oa]s?|hermos[oa]s?|bonit[oa]s?|bell[oa]s?|encantador(?:a|es|as)?|' +
      'maravillos[oa]s?|espléndid[oa]s?|agradables?|horribles?|fe[oa]s?|aburrid[oa]s?|' +
      'deliciosos?|deliciosas?|fascinantes?|apasionantes?)',
  ),
  comparison: words(
    'más \\p{L}+ que|menos \\p{L}+ que|más grande|el mayor|la mayor|los mayores|las mayores|' +
      'el menor|la menor|el más|la más|los más|las más|el peor|la peor|récord|' +
      'por primera vez|la primera vez|nunca antes|sin precedentes|histórico|histórica|' +
      'máximo histórico|mínimo histórico',
  ),
};
