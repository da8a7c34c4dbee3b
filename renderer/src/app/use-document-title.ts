import { useEffect, type RefObject } from 'react';

/**
 * The window title follows the page's heading ("Queue for kindergartens — Ibtikar Lab"): the task
 * bar, the window list and a screen reader's name for the page all read it, and "Ibtikar Lab" on
 * every screen told them nothing. Watched rather than set by each page, so a page whose heading
 * loads later, or changes (a renamed record), is named as it is.
 */
export function useDocumentTitle(main: RefObject<HTMLElement | null>, appName: string) {
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} — ${appName}` : appName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [main, appName]);
}
