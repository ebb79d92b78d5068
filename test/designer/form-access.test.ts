import { describe, expect, it } from 'vitest';
import { mayAccess } from '../../designer/src/forms/access.js';
import { ORDER } from './order-definition.js';

describe('form access', () => {
  it('follows the definition, lets admin do anything, and without access lets everyone read but nobody write', () => {
    expect(mayAccess(ORDER, ['sales'], 'create')).toBe(true);
    expect(mayAccess(ORDER, ['planner'], 'create')).toBe(false);
    expect(mayAccess(ORDER, ['planner'], 'update')).toBe(true);
    expect(mayAccess(ORDER, ['sales'], 'delete')).toBe(false);
    expect(mayAccess(ORDER, ['admin'], 'delete')).toBe(true);
    const open = { ...ORDER, access: undefined };
    expect(mayAccess(open, ['anyone'], 'read')).toBe(true);
    expect(mayAccess(open, ['anyone'], 'update')).toBe(false);
  });
});
