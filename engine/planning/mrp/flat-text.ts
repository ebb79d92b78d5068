/**
 * Text a plan keeps (ids, exception messages), built as one flat string. A template literal or `+`
 * builds a rope, one heap object per piece joined, and a string that is only stored, never
 * searched, stays a rope: a shortage message was 18 objects, and the ropes of a 10k-item plan were
 * about a third of its heap, every object of it copied and traced by the garbage collector. join
 * writes the pieces into one string; numbers are written as a template literal writes them.
 */
export function flatText(...pieces: readonly (string | number)[]): string {
  return pieces.join('');
}
