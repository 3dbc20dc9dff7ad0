/**
 * The language of each article whose text is not in the page's language (English), so that
 * its text, and the claims of the cards that quote it, carry `lang` and a screen reader reads
 * them with the right voice (WCAG 3.1.2, language of parts). Read with the function-word test
 * the import used (shared/extract/detectLanguage); the board page computes it when its
 * articles change, which is rare (an import).
 */
import { createContext, useContext } from 'react';
import type { ArticleView, CardView } from '../../shared/board/view';
import { detectLanguage } from '../../shared/extract/detectLanguage';

/**
 * Article id → BCP 47 tag, for the articles not in English: 'es', or '' (HTML's "unknown") for
 * one in a language extraction does not know, which would otherwise inherit the page's
 * English and be read with an English voice (found by QA: an Arabic article).
 */
export type ArticleLanguages = ReadonlyMap<string, string>;

export function articleLanguages(articles: readonly ArticleView[]): ArticleLanguages {
  const out = new Map<string, string>();
  for (const article of articles) {
    const language = detectLanguage(article.text);
    if (language === 'es') out.set(article.id, 'es');
    else if (language === 'other') out.set(article.id, '');
  }
  return out;
}

export const ArticleLanguagesContext = createContext<ArticleLanguages>(new Map());

/** The `lang` of an article's text, when it is not the page's. */
export function useArticleLanguage(articleId: string | undefined): string | undefined {
  const languages = useContext(ArticleLanguagesContext);
  return articleId === undefined ? undefined : languages.get(articleId);
}

/** The `lang` of a card's claim: its article's, when that is not the page's. */
export function useCardLanguage(
  card: Pick<CardView, 'source'> | null | undefined,
): string | undefined {
  return useArticleLanguage(card?.source?.articleId);
}
