// Navigation between the lab's pages (tabs-like links that keep the rest of the URL state).
import { PAGES } from '../pages/registry.ts';
import { usePage } from '../state/page.ts';

export function PageNav() {
  const pageId = usePage((s) => s.pageId);
  const go = usePage((s) => s.go);
  return (
    <nav className="page-nav" aria-label="Lab pages">
      <ul>
        {PAGES.map((p) => (
          <li key={p.id}>
            <a
              href={`?page=${p.id}`}
              aria-current={p.id === pageId ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(p.id);
              }}
            >
              {p.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
