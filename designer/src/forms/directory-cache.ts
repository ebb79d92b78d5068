import { useEffect, useState } from 'react';
import type { DepartmentDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { ApiClient, PickableUser } from '../api/index.js';

/**
 * The app's users and departments, fetched once per API client and shared by every picker on the
 * page: a factory has hundreds of people, not millions, so pickers filter in the browser.
 */
const users = new WeakMap<ApiClient, Promise<readonly PickableUser[]>>();
const departments = new WeakMap<ApiClient, Promise<readonly DepartmentDefinition[]>>();

function cached<T>(cache: WeakMap<ApiClient, Promise<T>>, api: ApiClient, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(api);
  if (promise === undefined) {
    promise = load();
    // A failed load is forgotten, so the next picker asks again.
    promise.catch(() => cache.delete(api));
    cache.set(api, promise);
  }
  return promise;
}

function useCached<T>(cache: WeakMap<ApiClient, Promise<readonly T[]>>, api: ApiClient, load: () => Promise<readonly T[]>): readonly T[] | undefined {
  const [value, setValue] = useState<readonly T[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    cached(cache, api, load).then(
      (items) => live && setValue(items),
      () => live && setValue([]),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh arrow each render; the cache is keyed by the client, so it is left out.
  }, [api, cache]);
  return value;
}

/** Every user of the app; undefined while loading. */
export function usePickableUsers(api: ApiClient): readonly PickableUser[] | undefined {
  return useCached(users, api, async () => (await api.users()).items);
}

/** The app definition's departments; undefined while loading. */
export function useDepartments(api: ApiClient): readonly DepartmentDefinition[] | undefined {
  return useCached(departments, api, async () => (await api.definitions()).app?.departments ?? []);
}

/** Departments in tree order, each with its depth, for an indented list. */
export function departmentTree(list: readonly DepartmentDefinition[]): { department: DepartmentDefinition; depth: number }[] {
  const ids = new Set(list.map((department) => department.id));
  const children = new Map<string | undefined, DepartmentDefinition[]>();
  for (const department of list) {
    const parent = department.parent !== undefined && ids.has(department.parent) ? department.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const result: { department: DepartmentDefinition; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | undefined, depth: number) => {
    for (const department of children.get(parent) ?? []) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      result.push({ department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return result;
}
