/**
 * Hash routes (`#/projects`, `#/projects/<id>`, `#/board`, `#/challenges/<id>`, `#/ideas/<id>`,
 * `#/people`, `#/search/<text>`, `#/settings`, `#/canvases`, `#/canvases/<id>`): they work the same over HTTP and the desktop's custom protocol, with no
 * server-side fallback to configure.
 */
import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';

export type Route =
  | { name: 'projects' }
  | { name: 'project'; id: string }
  | { name: 'board' }
  | { name: 'dashboard' }
  | { name: 'challenges' }
  | { name: 'cohorts' }
  | { name: 'cohort'; id: string }
  | { name: 'challenge'; id: string }
  | { name: 'ideas' }
  | { name: 'idea'; id: string }
  | { name: 'people' }
  | { name: 'pilot'; id: string }
  | { name: 'pilotReport'; id: string; languages: string }
  | { name: 'search'; text: string }
  | { name: 'settings' }
  | { name: 'canvases' }
  | { name: 'canvas'; id: string }
  | { name: 'projector'; id: string }
  | { name: 'workshopSummary'; id: string }
  | { name: 'not_found' };

/** Screens without a record id, by path; exported so the no-network test visits every one. */
export const SIMPLE = {
  '/projects': 'projects',
  '/board': 'board',
  '/dashboard': 'dashboard',
  '/challenges': 'challenges',
  '/cohorts': 'cohorts',
  '/ideas': 'ideas',
  '/people': 'people',
  '/settings': 'settings',
  '/canvases': 'canvases',
} as const;
/** Record screens: `#/<collection>/<id>`. */
export const RECORDS = { projects: 'project', challenges: 'challenge', ideas: 'idea', cohorts: 'cohort', canvases: 'canvas' } as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/projects';
  if (path === '/') return { name: 'projects' };
  if (path in SIMPLE) return { name: SIMPLE[path as keyof typeof SIMPLE] };
  const record = /^\/([a-z]+)\/([0-9a-f-]{36})$/.exec(path);
  if (record && Object.hasOwn(RECORDS, record[1])) return { name: RECORDS[record[1] as keyof typeof RECORDS], id: record[2] };
  const pilot = /^\/pilots\/([0-9a-f-]{36})(?:\/report\/([a-z+]{2,11}))?$/.exec(path);
  if (pilot) return pilot[2] ? { name: 'pilotReport', id: pilot[1], languages: pilot[2] } : { name: 'pilot', id: pilot[1] };
  const projector = /^\/projector\/([0-9a-f-]{36})$/.exec(path);
  if (projector) return { name: 'projector', id: projector[1] };
  const summary = /^\/workshops\/([0-9a-f-]{36})\/summary$/.exec(path);
  if (summary) return { name: 'workshopSummary', id: summary[1] };
  const search = /^\/search\/(.*)$/.exec(path);
  if (search) {
    try {
      return { name: 'search', text: decodeURIComponent(search[1]) };
    } catch {
      return { name: 'search', text: '' };
    }
  }
  return { name: 'not_found' };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useRoute = (): Route => parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));

/**
 * A page reached by a link starts at its top (the browser would keep the scroll of the page left
 * behind), and focus moves to its heading once it shows: a screen reader then reads the new page,
 * and Tab goes on from there rather than from the link left behind (or from nowhere, when the
 * control pressed went with the old page). Not when the user is already somewhere in the new page,
 * nor when the app opens. Back and Forward keep the browser's own restoring. Where the Navigation
 * API is missing (an older browser in serve mode), every change of page starts at the top.
 */
export function useNewPageStart(main: RefObject<HTMLElement | null>) {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const traversed = useRef(false);
  const opened = useRef(false);
  useEffect(() => {
    const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
    if (!navigation) return;
    const onNavigate = (event: Event) => {
      traversed.current = (event as Event & { navigationType?: string }).navigationType === 'traverse';
    };
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }, []);
  useEffect(() => {
    const traverse = traversed.current;
    traversed.current = false;
    if (!traverse) window.scrollTo(0, 0);
    const first = !opened.current;
    opened.current = true;
    const page = main.current;
    if (first || traverse || !page) return;
    const focusHeading = () => {
      const heading = page.querySelector('h1');
      if (!heading) return false;
      const active = document.activeElement;
      if (!active || active === document.body || !page.contains(active)) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    // The heading comes with the page's data.
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(page, { subtree: true, childList: true });
    return () => observer.disconnect();
  }, [hash, main]);
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'project':
      return `#/projects/${route.id}`;
    case 'challenge':
      return `#/challenges/${route.id}`;
    case 'idea':
      return `#/ideas/${route.id}`;
    case 'cohort':
      return `#/cohorts/${route.id}`;
    case 'canvas':
      return `#/canvases/${route.id}`;
    case 'pilot':
      return `#/pilots/${route.id}`;
    case 'pilotReport':
      return `#/pilots/${route.id}/report/${route.languages}`;
    case 'projector':
      return `#/projector/${route.id}`;
    case 'workshopSummary':
      return `#/workshops/${route.id}/summary`;
    case 'search':
      return `#/search/${encodeURIComponent(route.text)}`;
    case 'not_found':
      return '#/projects';
    default:
      return `#/${route.name}`;
  }
}

export const navigate = (route: Route) => {
  window.location.hash = hrefFor(route);
};
