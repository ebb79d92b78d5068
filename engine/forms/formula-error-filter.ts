import { resolveReference, type DataFieldError, type FormModel } from './model/index.js';

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Request pointers of the values a computed slot's formula reads; a prefix covers a whole sub-table. */
function inputPointers(model: FormModel, pointer: string): string[] {
  const segments = pointer.split('/').slice(2).map(unescape);
  const [first, index, column] = segments;
  const path = column === undefined ? first : `${first}.${column}`;
  const node = path === undefined ? undefined : model.byPath.get(path);
  if (node?.formula === undefined) return [];
  return node.formula.references.flatMap((reference) => {
    const input = resolveReference(reference, node.subTable, model.byPath);
    if (input === undefined) return [];
    if (input.subTable === undefined) return [`/data/${input.name}`];
    const ownLine = node.subTable === input.subTable && !reference.includes('.');
    return [ownLine ? `/data/${input.subTable}/${index ?? ''}/${input.name}` : `/data/${input.subTable}`];
  });
}

/**
 * Leaves out a `formula` error when a value the formula reads has an error of its own: "Quantity
 * must be a number" says it all; "Amount could not be computed" next to it is noise.
 */
export function withoutConsequentialFormulaErrors(model: FormModel, errors: readonly DataFieldError[]): DataFieldError[] {
  // Every pointer with an error, and each of its ancestors: an input "has an error" when it is one of
  // them. A set keeps this linear when thousands of lines fail at once.
  const erroneous = new Set<string>();
  for (const error of errors) {
    if (error.code === 'formula') continue;
    for (let pointer = error.pointer; pointer !== ''; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) erroneous.add(pointer);
  }
  return errors.filter((error) => error.code !== 'formula' || !inputPointers(model, error.pointer).some((input) => erroneous.has(input)));
}
