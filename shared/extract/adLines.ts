// The lines a page copied as text keeps around its ad slots (the HTML reduction drops their
// containers, a paste cannot): a slot's label, "ADVERTISEMENT", "Advertisement · Scroll to
// continue", "Skip Advertisement", "Sponsored by Acme Bank", and the line set around it,
// "Story continues below advertisement", "Continue reading the main story", "La nota continúa
// abajo". Whole lines only: "Advertisement spending rose 4%" and "Advertising revenue fell"
// are sentences. furnitureRules marks them; splitBlocks never joins one to the text around it,
// and joins the lines of a sentence the ad line stands between.

/** A slot's label, alone or before its separator: "Advertisement", "Advertisement: Buy now". */
export const AD_LABEL =
  /^(skip )?(advertisement|sponsored( content| post)?|paid (content|post|partnership)|promoted content|partner content|publicidad|anuncio)\s*([:：|–—·-]|$)/i;
export const AD_SPONSOR = /^sponsored by\b[^.!?]{1,60}$/i;
/** The line around a slot: "Story continues below advertisement", "Continue reading below". */
export const AD_BREAK =
  /^((the |la |el )?(story|article|content|text|nota|noticia) (continues|contin[úu]a)|continue reading|keep reading|(sigue|contin[úu]a) leyendo|scroll (down )?to continue( reading| with content)?)( (below|after|under|abajo|debajo|despu[ée]s de))?( (this|the|la|el))?( (advertisement|ad|advert|main story|story|article|publicidad|anuncio))?\s*[.…:]?$/iu;

/** Whether a line is ad copy. */
export function isAdLine(line: string): boolean {
  return AD_LABEL.test(line) || AD_SPONSOR.test(line) || AD_BREAK.test(line);
}
