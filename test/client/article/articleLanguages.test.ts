/** The `lang` each article's text and its cards' claims carry (WCAG 3.1.2). */
import { describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../shared/board/view';
import { articleLanguages } from '../../../client/article/articleLanguages';

const article = (id: string, text: string) => ({ id, text }) as ArticleView;

describe('articleLanguages', () => {
  it('marks Spanish as es, a language extraction does not know as unknown, English not at all', () => {
    const languages = articleLanguages([
      article(
        'en',
        'The ministry said that the prisons of the country held more than 110,000 inmates at the end of the year, and that it would build two more.',
      ),
      article(
        'es',
        'El ministerio dijo que las cárceles del país tenían más de 110.000 presos al final del año, y que construiría dos más.',
      ),
      article(
        'ar',
        'قالت الوزارة إن سجون البلاد كانت تضم أكثر من 110 آلاف سجين في نهاية العام، وإنها ستبني سجنين آخرين.',
      ),
    ]);
    expect(Object.fromEntries(languages)).toEqual({ es: 'es', ar: '' });
  });
});
