import type { AppDefinition, FormDefinition } from './generated/definition-types.js';
import { escapePointer } from './meta-schema-validator.js';

export interface LocatedForm {
  readonly file: string;
  readonly definition: FormDefinition;
  /** Field paths of the compiled form; undefined when the form itself did not compile. */
  readonly fieldPaths: ReadonlySet<string> | undefined;
}

export interface CrossProblem {
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
}

/**
 * Checks what no single file can check alone: lookups into other forms, roles named by forms but
 * missing from the app, navigation entries and the groups forms choose, duplicate ids.
 */
export function crossCheckDefinitions(
  forms: readonly LocatedForm[],
  app: { file: string; definition: AppDefinition } | undefined,
): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const byId = new Map<string, LocatedForm>();
  for (const form of forms) {
    const first = byId.get(form.definition.id);
    if (first === undefined) byId.set(form.definition.id, form);
    else problems.push({ file: form.file, pointer: '/id', message: `form "${form.definition.id}" is also defined in ${first.file}` });
  }

  for (const form of forms) {
    problems.push(...checkLookups(form, byId));
    if (app !== undefined) problems.push(...checkRoles(form, new Set(app.definition.roles.map((role) => role.id))));
    problems.push(...checkRules(form));
  }

  if (app !== undefined) {
    app.definition.navigation.forEach((group, g) =>
      group.forms.forEach((id, f) => {
        if (!byId.has(id)) {
          problems.push({ file: app.file, pointer: `/navigation/${g}/forms/${f}`, message: `no form "${id}" is defined` });
        }
      }),
    );
    const roles = new Set(app.definition.roles.map((role) => role.id));
    for (const [name, access] of Object.entries(app.definition.functions ?? {})) {
      access.roles.forEach((role, r) => {
        if (roles.has(role)) return;
        problems.push({ file: app.file, pointer: `/functions/${escapePointer(name)}/roles/${r}`, message: `no role "${role}" in the app` });
      });
    }
    problems.push(...checkDepartments(app));
    problems.push(...checkNavGroups(forms, app));
  }
  return problems;
}

/** Navigation group ids are unique, and a form's `navGroup` names one of them. */
function checkNavGroups(forms: readonly LocatedForm[], app: { file: string; definition: AppDefinition }): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const groups = new Set<string>();
  app.definition.navigation.forEach((group, g) => {
    if (group.id === undefined) return;
    if (groups.has(group.id)) problems.push({ file: app.file, pointer: `/navigation/${g}/id`, message: `navigation group "${group.id}" is listed twice` });
    groups.add(group.id);
  });
  for (const form of forms) {
    const chosen = form.definition.navGroup;
    if (chosen !== undefined && !groups.has(chosen)) problems.push({ file: form.file, pointer: '/navGroup', message: `no navigation group "${chosen}" in the app` });
  }
  return problems;
}

/** Department ids are unique and each parent is another department of the list, without cycles. */
function checkDepartments(app: { file: string; definition: AppDefinition }): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const departments = app.definition.departments ?? [];
  const parents = new Map<string, string | undefined>();
  departments.forEach((department, d) => {
    if (parents.has(department.id)) problems.push({ file: app.file, pointer: `/departments/${d}/id`, message: `department "${department.id}" is listed twice` });
    parents.set(department.id, department.parent);
  });
  departments.forEach((department, d) => {
    if (department.parent === undefined) return;
    if (!parents.has(department.parent)) {
      problems.push({ file: app.file, pointer: `/departments/${d}/parent`, message: `no department "${department.parent}" in the app` });
      return;
    }
    const seen = new Set([department.id]);
    for (let up = parents.get(department.id); up !== undefined; up = parents.get(up)) {
      if (seen.has(up)) {
        problems.push({ file: app.file, pointer: `/departments/${d}/parent`, message: `department "${department.id}" is its own ancestor` });
        break;
      }
      seen.add(up);
    }
  });
  return problems;
}

function checkLookups(form: LocatedForm, byId: ReadonlyMap<string, LocatedForm>): CrossProblem[] {
  const problems: CrossProblem[] = [];
  for (const [path, lookup] of Object.entries(form.definition.lookups ?? {})) {
    const base = `/lookups/${escapePointer(path)}`;
    const target = byId.get(lookup.form);
    if (target === undefined) {
      problems.push({ file: form.file, pointer: `${base}/form`, message: `no form "${lookup.form}" is defined` });
      continue;
    }
    const targetFields = target.fieldPaths;
    if (targetFields === undefined) continue;
    const missing = (field: string, pointer: string): void => {
      if (!targetFields.has(field)) {
        problems.push({ file: form.file, pointer, message: `form "${lookup.form}" has no field "${field}"` });
      }
    };
    missing(lookup.displayField, `${base}/displayField`);
    (lookup.searchFields ?? []).forEach((field, i) => missing(field, `${base}/searchFields/${i}`));
    for (const [targetField, sourceField] of Object.entries(lookup.fill ?? {})) {
      const pointer = `${base}/fill/${escapePointer(targetField)}`;
      missing(sourceField, pointer);
      const leaking = rolesBeyond(readers(form.definition, targetField), readers(target.definition, sourceField));
      if (leaking.length > 0) {
        problems.push({
          file: form.file,
          pointer,
          message: `"${targetField}" would show "${lookup.form}.${sourceField}" to ${leaking.join(', ')}, who may not read it there; restrict "${targetField}" to the same roles`,
        });
      }
    }
  }
  return problems;
}

/** Who may read a field of a form: every role ('all'), or the listed ones (admin always may). */
type Readers = 'all' | ReadonlySet<string>;

function readers(definition: FormDefinition, path: string): Readers {
  const access = definition.access;
  let result: Readers = access?.read === undefined ? 'all' : new Set([...access.read, ...(access.create ?? []), ...(access.update ?? []), ...(access.delete ?? [])]);
  const table = path.includes('.') ? path.slice(0, path.indexOf('.')) : undefined;
  for (const field of table === undefined ? [path] : [table, path]) {
    const read = definition.permissions?.[field]?.read;
    if (read !== undefined) result = result === 'all' ? new Set(read) : new Set(read.filter((role) => result !== 'all' && result.has(role)));
  }
  return result;
}

/** Roles among `wider` that `narrower` does not admit ('all' when anyone could be one). */
function rolesBeyond(wider: Readers, narrower: Readers): string[] {
  if (narrower === 'all') return [];
  if (wider === 'all') return ['every role'];
  return [...wider].filter((role) => role !== 'admin' && !narrower.has(role));
}

function checkRoles(form: LocatedForm, roles: ReadonlySet<string>): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const check = (role: string, pointer: string): void => {
    if (!roles.has(role)) problems.push({ file: form.file, pointer, message: `role "${role}" is not defined in the app` });
  };
  const roleLists = (lists: object): [string, readonly string[]][] => Object.entries(lists) as [string, readonly string[]][];
  for (const [operation, list] of roleLists(form.definition.access ?? {})) {
    list.forEach((role, i) => check(role, `/access/${operation}/${i}`));
  }
  for (const [path, permission] of Object.entries(form.definition.permissions ?? {})) {
    for (const [operation, list] of roleLists(permission)) {
      list.forEach((role, i) => check(role, `/permissions/${escapePointer(path)}/${operation}/${i}`));
    }
  }
  return problems;
}

function checkRules(form: LocatedForm): CrossProblem[] {
  return (form.definition.rules ?? []).flatMap((rule, i) =>
    rule.visible === undefined && rule.required === undefined && rule.readOnly === undefined
      ? [{ file: form.file, pointer: `/rules/${i}`, message: 'a rule needs at least one of visible, required or readOnly' }]
      : [],
  );
}
