// Which page is shown; mirrored in the URL (`?page=<id>`) so a link opens the same page.
import { create } from 'zustand';
import { findPage } from '../pages/registry.ts';

interface PageState {
  pageId: string;
  go(id: string): void;
}

function pageFromUrl(): string {
  return findPage(new URLSearchParams(location.search).get('page')).id;
}

export const usePage = create<PageState>((set) => ({
  pageId: pageFromUrl(),
  go(id) {
    const url = new URL(location.href);
    url.searchParams.set('page', id);
    history.pushState(history.state, '', url);
    set({ pageId: findPage(id).id });
  },
}));

window.addEventListener('popstate', () => usePage.setState({ pageId: pageFromUrl() }));
