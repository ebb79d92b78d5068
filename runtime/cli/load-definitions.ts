import { formatProblem, validateDefinitionFiles, type DefinitionSet } from '../../engine/definitions/index.js';
import { readDefinitionDir } from './read-definition-dir.js';

export type LoadedDefinitions = { ok: true; definitions: DefinitionSet } | { ok: false; problems: string[] };

/** Reads and validates a definition folder; the problems come as `file: pointer: message` lines. */
export async function loadDefinitions(dir: string): Promise<LoadedDefinitions> {
  const outcome = validateDefinitionFiles(await readDefinitionDir(dir));
  if (outcome.problems.length > 0) return { ok: false, problems: outcome.problems.map(formatProblem) };
  return { ok: true, definitions: outcome.definitions };
}
