/**
 * Hash routes (`#/projects`, `#/projects/<id>`, `#/settings`): they work the same over HTTP and
 * the desktop's custom protocol, with no server-side fallback to configure.
 */
import { useSyncExternalStore } from 'react';

export type Route = { name: 'projects' } | { name: 'project'; id: string } | { name: 'settings' } | { name: 'not_found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/projects';
  if (path === '/' || path === '/projects') return { name: 'projects' };
  if (path === '/settings') return { name: 'settings' };
  const project = /^\/projects\/([0-9a-f-]{36})$/.exec(path);
  if (project) return { name: 'project', id: project[1] };
  return { name: 'not_found' };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useRoute = (): Route => parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));

export const hrefFor = (route: Route): string =>
  route.name === 'project' ? `#/projects/${route.id}` : route.name === 'settings' ? '#/settings' : '#/projects';

export const navigate = (route: Route) => {
  window.location.hash = hrefFor(route);
};
