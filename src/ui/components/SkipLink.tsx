// "Skip to main content": the first Tab stop, visible when focused; moves focus to the page's
// <main> without touching the URL (which holds the view state).
export function SkipLink({ target }: { target: string }) {
  return (
    <a className="skip-link" href={`#${target}`} onClick={(e) => {
      e.preventDefault();
      document.getElementById(target)?.focus();
    }}>
      Skip to main content
    </a>
  );
}
