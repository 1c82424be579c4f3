// The lab's shell: header with the active backend, worker notices, then the current page.
import { useEffect } from 'react';
import { Header } from './components/Header.tsx';
import { Notices } from './components/Notices.tsx';
import { OpsCheckPanel } from './components/OpsCheckPanel.tsx';
import { ClipPage } from './pages/ClipPage.tsx';
import { useBackend } from './state/backend.ts';

export function App() {
  const start = useBackend((s) => s.start);
  useEffect(() => start(), [start]);
  return (
    <>
      <Header />
      <Notices />
      <main className="main">
        <ClipPage />
        <OpsCheckPanel />
      </main>
    </>
  );
}
