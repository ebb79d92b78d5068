/** One thing wrong with one definition file, addressed by a JSON pointer into that file. */
export interface DefinitionProblem {
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
  /** The checker's stable code where it gives one (forms, workflows and reports do), e.g. `unreachableState`, `unknownKey`. */
  readonly code?: string;
}

export function formatProblem(problem: DefinitionProblem): string {
  return `${problem.file}: ${problem.pointer === '' ? '/' : problem.pointer}: ${problem.message}`;
}
