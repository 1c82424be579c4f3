// Renders parsed model-card Markdown as plain React elements (no HTML injection).
import { Fragment, useMemo } from 'react';
import { parseMarkdown, type Inline } from './markdown.ts';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => (p.kind === 'code' ? <code key={i}>{p.text}</code> : p.kind === 'bold' ? <strong key={i}>{p.text}</strong> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

export function MarkdownView({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown">
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const H = `h${Math.min(6, b.level + 3)}` as 'h4';
          return <H key={i}><Inlines parts={b.inline} /></H>;
        }
        if (b.kind === 'paragraph') return <p key={i}><Inlines parts={b.inline} /></p>;
        if (b.kind === 'pre') return <pre key={i}>{b.text}</pre>;
        const L = b.ordered ? 'ol' : 'ul';
        return <L key={i}>{b.items.map((it, j) => <li key={j}><Inlines parts={it} /></li>)}</L>;
      })}
    </div>
  );
}
