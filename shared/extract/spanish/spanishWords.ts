// Word lists of the Spanish path, in one place so that names, attribution and scoring agree
// on what a role, an organisation or a reporting verb is.

const list = (s: string) => new Set(s.trim().split(/\s+/));

/**
 * Roles written before a name ("el ministro Gustavo Villatoro", "la fiscal Ana Pérez"); they
 * are cues that a person follows, never part of the name.
 */
const ROLES = list(`
  presidente presidenta expresidente expresidenta vicepresidente vicepresidenta mandatario
  mandataria ministro ministra exministro exministra viceministro viceministra secretario
  secretaria subsecretario subsecretaria director directora subdirector subdirectora fiscal
  diputado diputada senador senadora alcalde alcaldesa gobernador gobernadora juez jueza
  vicealcalde vicealcaldesa exalcalde exalcaldesa exgobernador exgobernadora vicegobernador
  vicegobernadora exdiputado exdiputada exsenador exsenadora exdirector exdirectora
  magistrado magistrada procurador procuradora defensor defensora comisionado comisionada
  comisario comisaria canciller embajador embajadora portavoz vocero vocera jefe jefa gerente
  coordinador coordinadora abogado abogada investigador investigadora periodista activista
  analista economista experto experta especialista académico académica profesor profesora
  doctor doctora médico médica sacerdote obispo arzobispo cardenal monseñor papa rey reina
  general coronel capitán teniente sargento comandante agente inspector inspectora dirigente
  líder representante presidente funcionario funcionaria titular señor señora don doña
  sr. sra. srta. sres. dr. dra. lic. licda. ing. arq. abg. gral. gen. cnel. tte. cap. sgto.
  cmdte. mons. pbro. fr. prof. profa. mtro. mtra. dña. excmo. excma.
`);
// A former holder is written with "ex" joined to the role: "el exfiscal general Raúl Melara".
export const ROLE_WORDS = new Set([
  ...ROLES,
  ...[...ROLES].filter((w) => !w.startsWith('ex') && !w.includes('.')).map((w) => `ex${w}`),
]);

/** Abbreviations before a name or a place; wink reads some of them as a word and a full stop. */
export const TITLE_ABBREVIATIONS =
  'Sr|Sra|Srta|Sres|Dr|Dra|Lic|Licda|Ing|Arq|Abg|Gral|Gen|Cnel|Tte|Cap|Sgto|Cmdte|Mons|Pbro|Fr|' +
  'Prof|Profa|Mtro|Mtra|Dña|Excmo|Excma|Av|Avda|Univ|Dpto|Depto|Sto|Sta|Hno|Hna|Cía';

/** Role words that mark an organisation: "la organización Cristosal", "el diario El Faro". */
export const ORGANIZATION_ROLES = list(`
  organización ong diario periódico medio agencia empresa compañía partido fundación asociación
  institución entidad colectivo movimiento sindicato banco universidad plataforma observatorio
  cadena emisora canal revista grupo
`);

/** First words of organisation names: "Ministerio de Justicia", "Policía Nacional Civil". */
export const ORGANIZATION_HEADS = list(`
  ministerio policía fiscalía procuraduría defensoría asamblea corte tribunal juzgado sala
  centro organización instituto universidad banco comisión consejo secretaría gobierno partido
  fundación asociación oficina alcaldía dirección departamento fuerza fuerzas ejército armada
  cámara federación confederación sindicato movimiento observatorio programa fondo agencia
  servicio naciones unión red cruz congreso senado parlamento registro superintendencia
  hospital colegio escuela iglesia cártel comité instituto órgano unidad frente coordinadora
  mesa alianza colectivo autoridad administración consejería
`);

/** Nouns of documents that speak for their authors: "según un informe de Cristosal". */
export const SOURCE_NOUNS = list(`
  informe informes estudio estudios investigación investigaciones encuesta encuestas datos
  cifras estadísticas registros documento documentos comunicado reporte reportes análisis
  auditoría censo boletín sondeo memoria balance recuento recuentos conteo
`);

/** Subjects that name nobody in particular: "Otros aseguraron que …". */
export const NOBODY_IN_PARTICULAR = list(`
  otros otras algunos algunas muchos muchas varios varias todos todas nadie alguien ambos ambas
`);

export const SUBJECT_PRONOUNS = list('él ella ellos ellas');

/** Adverbs that may stand between a subject and its verb: "Villatoro también dijo que". */
export const VERB_ADVERBS = list(`
  también además ya luego después hoy ayer incluso nuevamente igualmente asimismo entonces
  anteriormente recientemente públicamente
`);

/** Words that end a speaker's noun phrase after an inverted verb: "dijo X en una rueda de prensa". */
export const PHRASE_STOPS = list(`
  en a al durante ante tras con sin desde por para sobre este esta ese esa hoy ayer que y o
  lunes martes miércoles jueves viernes sábado domingo cuando mientras quien quienes donde
`);

/** Lowercase particles inside names: "Centro de Confinamiento del Terrorismo". */
export const NAME_CONNECTORS = list('de del la las los di da van von');
/** More particles allowed in organisation names: "Oficina … contra la Droga y el Delito". */
export const ORGANIZATION_CONNECTORS = list('de del la las los el y e para contra sobre en');

export const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
export const WEEKDAYS = 'lunes|martes|miércoles|jueves|viernes|sábado|domingo';

// Reporting verbs in the forms news copy uses: third person preterite and present, singular
// and plural, and the participle after "ha"/"han". Regular verbs are conjugated from the
// infinitive; irregular ones are listed with their forms.
const REGULAR_REPORTING = `
  afirmar señalar asegurar explicar declarar indicar agregar añadir denunciar comentar
  expresar reconocer admitir destacar subrayar insistir precisar detallar informar anunciar
  apuntar relatar aclarar enfatizar puntualizar argumentar alertar revelar confirmar responder
  estimar calcular reportar reiterar lamentar criticar acusar mencionar publicar ratificar
  considerar asumir rechazar
`;
const IRREGULAR_REPORTING = `
  dijo dijeron dice dicen sostuvo sostuvieron sostiene sostienen mantuvo mantuvieron mantiene
  mantienen advirtió advirtieron advierte advierten negó negaron niega niegan recordó
  recordaron recuerda recuerdan concluyó concluyeron concluye concluyen contó contaron cuenta
  cuentan sugirió sugirieron sugiere sugieren manifestó manifestaron manifiesta manifiestan
  atribuyó atribuyeron atribuye atribuyen desmintió desmintieron desmiente desmienten
`;
const IRREGULAR_PARTICIPLES = `
  dicho sostenido mantenido advertido negado recordado concluido contado sugerido manifestado
  atribuido desmentido
`;

const isAr = (infinitive: string) => infinitive.endsWith('ar');
const stem = (infinitive: string) => infinitive.slice(0, -2);
// The spelling of these stems does not change in these forms: "explicó", "explica".
const finite = (v: string) =>
  (isAr(v) ? ['ó', 'aron', 'a', 'an'] : ['ió', 'ieron', 'e', 'en']).map((e) => stem(v) + e);
const participle = (v: string) => stem(v) + (isAr(v) ? 'ado' : 'ido');

/** Finite forms: "dijo", "afirmaron", "señala". */
export const REPORTING_VERBS = new Set([
  ...[...list(REGULAR_REPORTING)].flatMap(finite),
  ...list(IRREGULAR_REPORTING),
]);

/** Participles, a reporting verb only after "ha"/"han": "ha dicho", "han denunciado". */
export const REPORTING_PARTICIPLES = new Set([
  ...[...list(REGULAR_REPORTING)].map(participle),
  ...list(IRREGULAR_PARTICIPLES),
]);

/**
 * Reporting verbs whose object is what is stated, without "que": "El Ministerio de Sanidad
 * anunció el lunes la creación de 1.200 plazas", as "The Health Ministry announced …". Not
 * the others: "criticó la decisión", "lamentó la muerte", "recordó a las víctimas",
 * "mantuvo reuniones", "acusó al exalcalde" state an act, which is the article's to state.
 */
export const STATING_OBJECT = (() => {
  const verbs = list(`
    anunciar informar confirmar revelar reportar afirmar asegurar explicar detallar precisar
    estimar calcular
  `);
  return new Set([...[...verbs].flatMap(finite), ...[...verbs].map(participle)]);
})();

/** "Negar", "desmentir", "rechazar": what follows their "que" is denied, not stated. */
export const DENIALS = list(`
  negó negaron niega niegan negaba negaban negado desmintió desmintieron desmiente desmienten
  desmentido rechazó rechazaron rechaza rechazan rechazado
`);

/** Auxiliaries of the perfect: "Bukele ha dicho que". */
export const PERFECT_AUXILIARIES = list('ha han había habían');
