// The lab's shell: header with the active backend, then the current page.
export function App() {
  return (
    <main>
      <h1>DiffPIR Lab</h1>
    </main>
  );
}
