// Whether a bare role, "the judge", "el ministro", may mean a person the article named: the
// article must have given that person the role near one of the places it names them before
// the sentence ("Judge Caroline Brandt said …", "dijo el ministro Gustavo Villatoro"). Shared
// by the English and Spanish attribution, which each decide what counts as a bare role.

// News Spanish varies the word for the head of state: "el mandatario" is "el presidente".
const SAME_ROLE: Record<string, string> = { mandatari: 'president' };

/**
 * A role word without its gender or plural ending: "presidenta" and "presidente" are one role,
 * and so are "Judge" and "judges".
 */
const roleStem = (word: string) => {
  const stem = word.toLowerCase().replace(/(es|as|os|[aeo])$/, '');
  return SAME_ROLE[stem] ?? stem;
};

/** How far from a name the article writes the role it introduces the person with. */
const ROLE_REACH = 60;

/**
 * Whether the article, up to `before` (the sentence's start), calls `person` by `role` (its
 * last word): "el secretario de Hacienda, Rogelio Ramírez de la O, afirmó …" then "aseguró el
 * presidente" is someone else; "Judge Caroline Brandt said …" then "The judge said …" is her.
 */
export function roleFits(text: string, before: number, person: string, role: string): boolean {
  const stem = roleStem(role.split(/\s+/).at(-1)!);
  for (let at = text.indexOf(person); at >= 0 && at < before; at = text.indexOf(person, at + 1)) {
    // Up to this sentence: "…, informó el Instituto Nacional de Estadística. «…», dijo el
    // alcalde" is no role the article gave the institute.
    const near = text.slice(
      Math.max(0, at - ROLE_REACH),
      Math.min(before, at + person.length + ROLE_REACH),
    );
    if ((near.match(/\p{L}+/gu) ?? []).some((w) => roleStem(w) === stem)) return true;
  }
  return false;
}
