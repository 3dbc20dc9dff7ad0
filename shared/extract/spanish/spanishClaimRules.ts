// How a Spanish claim is tidied after its reporting clause is cut: «…» quotations, a dash of
// dialogue left at its start ("—No hay hacinamiento y …"), and connectives that lean on the
// sentence before.
import type { ClaimRules } from '../shortClaim';

export const SPANISH_CLAIM_RULES: ClaimRules = {
  // Spanish puts the full stop after the closing mark: «Pero no podemos cantar victoria todavía».
  wholeQuotation: /^["“«](.*?)[,.]?["”»]?\.?$/s,
  quotationMark: /["“”«»]/,
  leadingConnective:
    /^(?:[—–]\s*|(?:pero|y|sin embargo|además|no obstante|mientras tanto|aun así|asimismo)(?![\p{L}]),?\s+)/iu,
  danglingStart: /^(?:él|ella|ellos|ellas|su|sus|esto|eso|ello)(?![\p{L}])/iu,
};
