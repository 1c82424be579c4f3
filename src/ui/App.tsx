// The lab's shell: header with the active backend, page navigation, worker notices,
// then the current page (lazily loaded).
import { Suspense, useEffect } from 'react';
import { Header } from './components/Header.tsx';
import { Notices } from './components/Notices.tsx';
import { OpsCheckPanel } from './components/OpsCheckPanel.tsx';
import { PageNav } from './components/PageNav.tsx';
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
      <Header />
      <PageNav />
      <Notices />
      <main className="main">
        <Suspense fallback={<p aria-live="polite">Loading {page.title}…</p>}>
          <Page />
        </Suspense>
        {page.id === 'clip' && <OpsCheckPanel />}
      </main>
    </>
  );
}
