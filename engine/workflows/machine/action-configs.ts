import { and, type AnyEventObject } from 'xstate';
import type { Action, Transition } from '../../definitions/generated/definition-types.js';
import type { WorkflowContext, WorkflowEffect } from '../workflow-types.js';
import { evaluateFormula, evaluateFormulas } from './implementations.js';

/** xstate action and guard objects as the machine config holds them. */
export type ActionConfig = { type: string; params?: unknown };
export type GuardConfig = { type: string; params?: unknown } | ReturnType<typeof and>;
export interface TransitionConfig {
  target?: string;
  guard?: GuardConfig;
  actions?: ActionConfig[];
}

type EffectParams = (args: { context: WorkflowContext; event: AnyEventObject }) => WorkflowEffect;

/**
 * Work for the runtime. xstate's pure `transition()` returns these unexecuted, with their params
 * resolved against the context and event of the moment they were taken.
 */
export function effect(params: EffectParams | WorkflowEffect): ActionConfig {
  return { type: 'ordo.effect', params };
}

export function targetOf(state: string): string {
  return `#${state}`;
}

/** A definition's action: set fields changes the context's record copy; the others are effects. */
export function actionConfig(action: Action): ActionConfig {
  switch (action.type) {
    case 'setFields':
      return { type: 'ordo.setFields', params: { fields: action.fields } };
    case 'createRecord':
      return effect(({ context, event }) => ({ kind: 'create-record', form: action.form, data: evaluateFormulas(action.data, context, event) }));
    case 'updateRecord':
      return effect(({ context, event }) => ({
        kind: 'update-record',
        form: action.form,
        record: String(evaluateFormula(action.record, context, event) ?? ''),
        fields: evaluateFormulas(action.fields, context, event),
      }));
    case 'notify':
      return effect({ kind: 'notify', to: action.to, message: action.message, notification: 'notify' });
    case 'emit':
      return effect(({ context, event }) => ({ kind: 'emit', event: action.event, data: evaluateFormulas(action.data ?? {}, context, event) }));
  }
}

/** A definition's transition: roles and formula guards both have to hold. */
export function transitionConfig(transition: Transition, extra: { actions?: ActionConfig[]; guards?: GuardConfig[] } = {}): TransitionConfig {
  const guards: GuardConfig[] = [...(extra.guards ?? [])];
  if (transition.roles !== undefined) guards.push({ type: 'ordo.roles', params: { roles: transition.roles } });
  if (transition.guard !== undefined) guards.push({ type: 'ordo.formula', params: { source: transition.guard } });
  const actions = [...(extra.actions ?? []), ...(transition.actions ?? []).map(actionConfig)];
  return {
    ...(transition.target === undefined ? {} : { target: targetOf(transition.target) }),
    ...(guards.length === 0 ? {} : { guard: guards.length === 1 ? guards[0] : and(guards as never) }),
    ...(actions.length === 0 ? {} : { actions }),
  };
}
