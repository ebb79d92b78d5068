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
  const others = errors.filter((error) => error.code !== 'formula').map((error) => error.pointer);
  return errors.filter((error) => {
    if (error.code !== 'formula') return true;
    const inputs = inputPointers(model, error.pointer);
    return !others.some((pointer) => inputs.some((input) => pointer === input || pointer.startsWith(`${input}/`)));
  });
}
