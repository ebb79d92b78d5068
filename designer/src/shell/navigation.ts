import type { AppDefinition, FormDefinition, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

export interface NavigationSection {
  /** Absent for the section that collects forms no group names. */
  readonly title?: LocalizedText;
  readonly forms: readonly FormDefinition[];
}

/**
 * The left navigation: the app's groups in order, each with the forms the user may read (the server
 * sends only those), then any readable form no group mentions, so nothing the user may open is unreachable.
 * A form that chose a group in the form designer (`navGroup`) appears there, after the forms the group
 * lists, and nowhere else; a `navGroup` the app no longer has counts as none (publishing refuses one).
 */
export function buildNavigation(app: AppDefinition | undefined, forms: readonly FormDefinition[]): NavigationSection[] {
  const groups = app?.navigation ?? [];
  const groupIds = new Set(groups.flatMap((group) => (group.id === undefined ? [] : [group.id])));
  const chosen = (form: FormDefinition) => (form.navGroup !== undefined && groupIds.has(form.navGroup) ? form.navGroup : undefined);
  const byId = new Map(forms.map((form) => [form.id, form]));
  const placed = new Set<string>();
  const sections: NavigationSection[] = [];
  for (const group of groups) {
    const groupForms: FormDefinition[] = [];
    const place = (form: FormDefinition) => {
      groupForms.push(form);
      placed.add(form.id);
    };
    for (const id of group.forms) {
      const form = byId.get(id);
      if (form && !placed.has(id) && chosen(form) === undefined) place(form);
    }
    if (group.id !== undefined) for (const form of forms) if (!placed.has(form.id) && chosen(form) === group.id) place(form);
    if (groupForms.length > 0) sections.push({ title: group.title, forms: groupForms });
  }
  const rest = forms.filter((form) => !placed.has(form.id));
  if (rest.length > 0) sections.push({ forms: rest });
  return sections;
}
