// Issue 17: a resource's screens are downloaded when one of them is first opened, not with the
// back office: react-admin needs to know at start which screens exist (for its routes and its
// Edit/Create buttons), so they are named here, and each is a React.lazy of the same module.
import { lazy, type ComponentType } from 'react';

type View = 'list' | 'edit' | 'create' | 'show';
type Views<V extends View> = Record<V, ComponentType>;

export function lazyViews<V extends View>(load: () => Promise<Views<V>>, views: readonly V[]): Views<V> {
  let loading: Promise<Views<V>> | undefined;
  const once = () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined; // a failed download is tried again next time
      throw err;
    }));
  const out = {} as Views<V>;
  for (const v of views) out[v] = lazy<ComponentType>(async () => ({ default: (await once())[v] }));
  return out;
}
