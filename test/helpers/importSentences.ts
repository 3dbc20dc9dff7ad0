/**
 * An article imported as the server does it (importArticle): the article and a card for each of
 * its sentences in one transaction, stamped with one time, which is how planArticleRemoval tells
 * an import's cards from those made by hand.
 */
import * as Y from 'yjs';
import { addArticle, addClaims, type CommandContext } from '../../shared/board';

export function importSentences(
  doc: Y.Doc,
  article: { readonly title: string; readonly url?: string; readonly text: string },
  ctx: CommandContext,
): { articleId: string; ids: string[]; sentences: string[] } {
  const at = (ctx.now ?? Date.now)();
  const importer = { actor: ctx.actor, now: () => at };
  const sentences = article.text.split(/(?<=\.) /);
  let articleId = '';
  let ids: string[] = [];
  doc.transact(() => {
    articleId = addArticle(doc, article, importer);
    let end = 0;
    ids = addClaims(
      doc,
      sentences.map((sentence) => {
        const start = article.text.indexOf(sentence, end);
        end = start + sentence.length;
        return { claim: sentence, source: { articleId, start, end, sentence } };
      }),
      importer,
    );
  });
  return { articleId, ids, sentences };
}
