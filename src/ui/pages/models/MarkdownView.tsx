// Shows model-card Markdown, rendered by markdown.ts (markdown-it with raw HTML escaped).
import { useMemo } from 'react';
import { renderMarkdown } from './markdown.ts';

export function MarkdownView({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // Safe: markdown-it runs with html: false (raw HTML is escaped), images and links are off.
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
