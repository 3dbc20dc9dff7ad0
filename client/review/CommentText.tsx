/** Comment text as text: links only for http(s) URLs, @mentions marked, the reader's own highlighted. */
import { Fragment } from 'react';
import { commentSegments } from './commentSegments';

export function CommentText({
  text,
  names,
  myNames,
}: {
  text: string;
  names: readonly string[];
  myNames: readonly string[];
}) {
  return (
    <p className="comment-text" dir="auto">
      {commentSegments(text, names, myNames).map((s, i) => {
        if (s.kind === 'link') {
          return (
            <a key={i} href={s.href} target="_blank" rel="noreferrer noopener nofollow">
              {s.text}
            </a>
          );
        }
        if (s.kind === 'mention') {
          return s.me ? (
            <mark key={i} className="mention mention-me">
              {s.text}
            </mark>
          ) : (
            <span key={i} className="mention">
              {s.text}
            </span>
          );
        }
        return <Fragment key={i}>{s.text}</Fragment>;
      })}
    </p>
  );
}
