import type { StateValue } from 'xstate';
import type { WorkflowDefinition } from '../../definitions/generated/definition-types.js';
import { stateEntries } from '../state-tree.js';

/**
 * The active states of an instance as dotted paths of definition state names, leaves only
 * ("disposition.material-review"). The approval fragment's own children (assigning, deciding) are
 * the engine's, not the definition's, and are left out.
 */
export function activeStatePaths(definition: WorkflowDefinition, value: StateValue): string[] {
  const known = new Set(stateEntries(definition).map((entry) => entry.name));
  const paths: string[] = [];
  const walk = (node: StateValue, prefix: string[]) => {
    if (typeof node === 'string') {
      paths.push([...prefix, ...(known.has(node) ? [node] : [])].join('.'));
      return;
    }
    const children = Object.entries(node).filter(([name]) => known.has(name));
    if (children.length === 0 && prefix.length > 0) paths.push(prefix.join('.'));
    for (const [name, child] of children) walk(child as StateValue, [...prefix, name]);
  };
  walk(value, []);
  return [...new Set(paths.filter((path) => path !== ''))];
}

/** Every active state name, ancestors included. */
export function activeStateNames(paths: readonly string[]): Set<string> {
  return new Set(paths.flatMap((path) => path.split('.')));
}
