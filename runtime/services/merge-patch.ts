/**
 * A JSON merge patch (RFC 7396) one level deep: a field in the patch replaces the stored one (a
 * sub-table as a whole) and `null` removes it, which is how a person clears a field in the form.
 */
export function mergePatch(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...stored };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}
