/** The keys definitions are stored and addressed under: lower case words joined by single hyphens, starting with a letter. */
const DEFINITION_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id` cannot name a new definition, or null when it can (an empty key is not yet a problem). */
export function definitionKeyProblem(id: string, taken: readonly string[]): 'bad' | 'taken' | null {
  if (id === '') return null;
  if (!DEFINITION_KEY.test(id)) return 'bad';
  return taken.includes(id) ? 'taken' : null;
}

/** A key suggested by an English title: "Purchase Order 2" becomes "purchase-order-2". */
export function keyFromTitle(title: string): string {
  return title
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
}
