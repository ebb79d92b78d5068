/** Scroll containers that follow each other sideways: the baseline and scenario Gantts of a what-if stay aligned in time. */
export interface ScrollSync {
  /** Starts following; the returned function stops. */
  register(element: HTMLElement): () => void;
}

export function createScrollSync(): ScrollSync {
  const elements = new Set<HTMLElement>();
  const follow = (event: Event) => {
    const source = event.currentTarget as HTMLElement;
    for (const element of elements) {
      // Setting the same value fires no scroll event, so the followers do not echo back.
      if (element !== source && element.scrollLeft !== source.scrollLeft) element.scrollLeft = source.scrollLeft;
    }
  };
  return {
    register(element) {
      elements.add(element);
      element.addEventListener('scroll', follow, { passive: true });
      return () => {
        element.removeEventListener('scroll', follow);
        elements.delete(element);
      };
    },
  };
}
