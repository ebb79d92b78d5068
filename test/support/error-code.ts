import { isOrdoError } from '../../engine/errors/index.js';

/** The OrdoError code a call is refused with; undefined when it succeeds, the text of any other error. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return isOrdoError(error) ? error.code : error === undefined ? undefined : String(error);
}
