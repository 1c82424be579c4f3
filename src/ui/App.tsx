// The lab's shell: a skip link, the header with the backend in words, page navigation, worker
// notices, then the current page (lazily loaded) under its one-line purpose from the registry.
import { Suspense, useEffect } from 'react';
import { Header } from './components/Header.tsx';
import { Notices } from './components/Notices.tsx';
import { OpsCheckPanel } from './components/OpsCheckPanel.tsx';
import { PageNav } from './components/PageNav.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { findPage } from './pages/registry.ts';
import { useBackend } from './state/backend.ts';
import { usePage } from './state/page.ts';

export function App() {
  const start = useBackend((s) => s.start);
  useEffect(() => start(), [start]);
  const page = findPage(usePage((s) => s.pageId));
  const Page = page.component;
  return (
    <>
      <SkipLink target="main" />
      <Header />
      <PageNav />
      <Notices />
      <main className="main" id="main" tabIndex={-1} aria-label={`${page.title} page`}>
        <p className="page-purpose" data-testid="page-purpose">{page.blurb}</p>
        <Suspense fallback={<p aria-live="polite">Loading {page.title}…</p>}>
          <Page />
        </Suspense>
        {page.id === 'clip' && <OpsCheckPanel />}
      </main>
    </>
  );
}
