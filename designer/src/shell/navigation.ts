import type { AppDefinition, FormDefinition, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

export interface NavigationSection {
  /** Absent for the section that collects forms no group names. */
  readonly title?: LocalizedText;
  readonly forms: readonly FormDefinition[];
}

/**
 * The left navigation: the app's groups in order, each with the forms the user may read (the server
 * sends only those), then any readable form no group mentions, so nothing the user may open is unreachable.
 */
export function buildNavigation(app: AppDefinition | undefined, forms: readonly FormDefinition[]): NavigationSection[] {
  const byId = new Map(forms.map((form) => [form.id, form]));
  const placed = new Set<string>();
  const sections: NavigationSection[] = [];
  for (const group of app?.navigation ?? []) {
    const groupForms: FormDefinition[] = [];
    for (const id of group.forms) {
      const form = byId.get(id);
      if (form && !placed.has(id)) {
        groupForms.push(form);
        placed.add(id);
      }
    }
    if (groupForms.length > 0) sections.push({ title: group.title, forms: groupForms });
  }
  const rest = forms.filter((form) => !placed.has(form.id));
  if (rest.length > 0) sections.push({ forms: rest });
  return sections;
}
