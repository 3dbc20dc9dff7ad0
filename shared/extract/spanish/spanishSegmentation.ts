// Spanish repairs of wink's sentence boundaries. wink's abbreviation list is English, so it
// ends sentences at "Sra.", "Lic.", "Gral.", "núm." and inside "EE.UU."; it runs a sentence on
// into the next when that opens with a dash of dialogue ("…al día. —No hay…"); and a closing
// guillemet after "?" («¿Quién paga?», preguntó) cannot open a sentence. Thousands separators
// ("110.000"), decimal commas ("2,4") and "¿…?" need no repair: wink keeps them whole.
import type { QuotationMarks } from '../QuotationTracker';
import type { SegmentationRules } from '../segmentSentences';
import { TITLE_ABBREVIATIONS } from './spanishWords';

export const SPANISH_QUOTATION_MARKS: QuotationMarks = {
  open: '“«',
  close: '”»',
  toggle: '"',
  dialogue: '—',
};

export const SPANISH_SEGMENTATION: SegmentationRules = {
  titleBeforeName: new RegExp(`(^|[^\\p{L}])(${TITLE_ABBREVIATIONS})\\.$`, 'u'),
  beforeNumber:
    /(^|[^\p{L}])(núm|nro|No|Nº|art|arts|pág|págs|cap|vol|tel|aprox|ene|feb|mar|abr|may|jun|jul|ago|sept|sep|oct|nov|dic)\.$/iu,
  continuation: /^[\p{Ll},;:)\]”’»]|^["'](\s|$|[,;:])/u,
  joins: [[/(^|[^\p{L}])EE\.$/u, /^UU\b/]],
  opensSentence: /^[—–]$/,
  quotationMarks: SPANISH_QUOTATION_MARKS,
};
