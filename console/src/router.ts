// A tiny history router: the console has six top-level routes and no nested ones.
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** `/display/:param` → param, else undefined. */
export const matchParam = (path: string, prefix: string): string | undefined => {
  const m = new RegExp(`^/${prefix}/([^/]+)/?$`).exec(path);
  return m ? decodeURIComponent(m[1] ?? '') : undefined;
};
