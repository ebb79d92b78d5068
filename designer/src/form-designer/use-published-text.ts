import { useEffect, useState } from 'react';
import { isApiError, type DesignerKind } from '../api/index.js';
import { useSession } from '../auth/index.js';

export type PublishedText = { status: 'loading' } | { status: 'none' } | { status: 'ready'; version: number; body: string } | { status: 'failed'; error: unknown };

/**
 * The latest published version's text, fetched when asked for (the diff tab, the publish dialog), so it
 * is never stale; nothing to fetch while the draft was never published (`publishedVersion` null).
 */
export function usePublishedText(kind: DesignerKind, id: string, publishedVersion: number | null): PublishedText {
  const { api } = useSession();
  const [state, setState] = useState<PublishedText>(publishedVersion === null ? { status: 'none' } : { status: 'loading' });
  useEffect(() => {
    if (publishedVersion === null) {
      setState({ status: 'none' });
      return;
    }
    let cancelled = false;
    api.publishedDefinitionText(kind, id).then(
      (published) => {
        if (!cancelled) setState({ status: 'ready', version: published.version, body: published.body });
      },
      (error: unknown) => {
        if (!cancelled) setState(isApiError(error) && error.status === 404 ? { status: 'none' } : { status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, kind, publishedVersion]);
  return state;
}
