import { assign, type AnyEventObject } from 'xstate';
import { isOrdoError, type OrdoError } from '../../errors/index.js';
import { compileExpression } from '../../expressions/index.js';
import {
  addSigner,
  approveOnBehalf,
  handOver,
  closeRound,
  decide,
  hasActivity,
  isActiveSlot,
  openRound,
  reassignActive,
  roundOutcome,
  transfer,
  type ApprovalMode,
  type ApprovalRound,
  type SignerPosition,
} from '../approval/approval-rules.js';
import type { WorkflowContext } from '../workflow-types.js';

/** xstate hands guards and actions the context and the event; ours are always these shapes. */
interface Args {
  context: WorkflowContext;
  event: AnyEventObject;
}

function text(event: AnyEventObject, key: string): string | undefined {
  const value: unknown = event[key];
  return typeof value === 'string' ? value : undefined;
}

function actorOf(event: AnyEventObject): { username: string; roles: readonly string[] } {
  const actor = event['actor'] as { username?: unknown; roles?: unknown } | undefined;
  return {
    username: typeof actor?.username === 'string' ? actor.username : '',
    roles: Array.isArray(actor?.roles) ? (actor.roles as string[]) : [],
  };
}

/** The instant formulas see: the event's database time, so a replay computes the same values. */
export function eventTime(event: AnyEventObject): Date {
  const at = text(event, 'at');
  const time = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isFinite(time) ? new Date(time) : new Date(0);
}

/** A formula over the record's fields; with `row`, over one sub-table line first (a spawn per line). */
export function evaluateFormula(source: string, context: WorkflowContext, event: AnyEventObject, row?: Readonly<Record<string, unknown>>): unknown {
  return compileExpression(source).evaluate({ fields: context.record, ...(row === undefined ? {} : { row }) }, { now: eventTime(event) });
}

export function evaluateFormulas(formulas: Readonly<Record<string, string>>, context: WorkflowContext, event: AnyEventObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(formulas).map(([field, source]) => [field, evaluateFormula(source, context, event)]));
}

function roundOf(context: WorkflowContext, node: string): ApprovalRound | undefined {
  return Object.hasOwn(context.approvals, node) ? context.approvals[node] : undefined;
}

function withRound(context: WorkflowContext, round: ApprovalRound): Partial<WorkflowContext> {
  return { approvals: { ...context.approvals, [round.node]: round }, actedSinceSubmit: context.actedSinceSubmit || hasActivity(round) };
}

/** The state a return goes to: `previous` is the task (or the start) visited before this node. */
export function returnTarget(context: WorkflowContext, node: string, to: string, initial: string): string | undefined {
  if (to === 'initiator') return initial;
  const here = context.visited.lastIndexOf(node);
  const before = here < 0 ? context.visited : context.visited.slice(0, here);
  if (to === 'previous') return before.at(-1) ?? initial;
  return before.includes(to) ? to : undefined;
}

function cutVisited(context: WorkflowContext, target: string): readonly string[] {
  const at = context.visited.lastIndexOf(target);
  return at < 0 ? context.visited : context.visited.slice(0, at);
}

/** The event comes from an assignee whose slot may act now, with a comment where one is required. */
function mayAct(context: WorkflowContext, event: AnyEventObject, params: { node: string; commentRequired: boolean }): boolean {
  const round = roundOf(context, params.node);
  const slot = text(event, 'slot');
  if (round === undefined || slot === undefined || !isActiveSlot(round, slot, actorOf(event).username)) return false;
  return !params.commentRequired || (text(event, 'comment') ?? '').trim() !== '';
}

/*
 * xstate rethrows a guard's error as a plain Error without its cause, which would turn a formula's
 * ORDO_ERR_EXPRESSION_RUNTIME into a 500. Steps are synchronous, so the failing guard leaves its
 * error here for the step function to rethrow.
 */
let guardFailure: OrdoError | undefined;

export function takeGuardFailure(): OrdoError | undefined {
  const failure = guardFailure;
  guardFailure = undefined;
  return failure;
}

export const guards = {
  'ordo.formula': ({ context, event }: Args, params: { source: string }) => {
    try {
      return evaluateFormula(params.source, context, event) === true;
    } catch (error) {
      if (isOrdoError(error)) guardFailure = error;
      throw error;
    }
  },
  'ordo.invoke.current': ({ context, event }: Args, params: { node: string }) => event['round'] === undefined || event['round'] === context.rounds[params.node],
  'ordo.children.started': ({ context, event }: Args, params: { node: string }) =>
    text(event, 'node') === params.node && event['round'] === context.rounds[params.node],
  'ordo.children.waitedFor': ({ context, event }: Args, params: { node: string }) => {
    const group = context.children?.[params.node];
    return group !== undefined && group.round === context.rounds[params.node] && group.ids.includes(text(event, 'child') ?? '');
  },
  'ordo.children.allEnded': ({ context }: Args, params: { node: string }) => {
    const group = context.children?.[params.node];
    return group !== undefined && group.round === context.rounds[params.node] && group.ids.every((id) => group.ended.includes(id));
  },
  'ordo.roles': ({ event }: Args, params: { roles: readonly string[] }) => {
    if ((event['actor'] as { system?: unknown } | undefined)?.system === true) return true;
    const actor = actorOf(event);
    return actor.roles.includes('admin') || actor.roles.some((role) => params.roles.includes(role));
  },
  'ordo.approval.outcome': ({ context }: Args, params: { node: string; outcome: 'approved' | 'rejected' }) => {
    const round = roundOf(context, params.node);
    return round !== undefined && roundOutcome(round) === params.outcome;
  },
  'ordo.approval.mayAct': ({ context, event }: Args, params: { node: string; commentRequired: boolean }) => mayAct(context, event, params),
  'ordo.approval.returnTo': (
    { context, event }: Args,
    params: { node: string; commentRequired: boolean; target: string; allowed: readonly string[]; initial: string },
  ) => {
    const to = text(event, 'to');
    if (to === undefined || !params.allowed.includes(to) || !mayAct(context, event, params)) return false;
    return returnTarget(context, params.node, to, params.initial) === params.target;
  },
  'ordo.withdraw': ({ context, event }: Args) => !context.actedSinceSubmit && actorOf(event).username === context.initiator,
  'ordo.handover': ({ context, event }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node);
    const slot = text(event, 'slot');
    return round !== undefined && round.slots.some((candidate) => candidate.id === slot && candidate.status === 'pending');
  },
  'ordo.assigned': ({ event }: Args, params: { node: string; purpose: 'open' | 'reassign' }) =>
    text(event, 'node') === params.node && text(event, 'purpose') === params.purpose,
  'ordo.timer': ({ context, event }: Args, params: { node: string; timer: 'due' | 'remind' | 'wait' }) =>
    text(event, 'node') === params.node && text(event, 'timer') === params.timer && event['round'] === context.rounds[params.node],
  'ordo.timer.returnTo': ({ context, event }: Args, params: { node: string; target: string; initial: string }) =>
    text(event, 'node') === params.node &&
    text(event, 'timer') === 'due' &&
    event['round'] === context.rounds[params.node] &&
    returnTarget(context, params.node, 'previous', params.initial) === params.target,
};

export const actions = {
  /** Entering a task, wait or invoke state starts a new round; tasks and the start are remembered for returns. */
  'ordo.enter': assign(({ context }: Args, params: { node: string; visit: boolean; resetsActivity: boolean }) => ({
    rounds: { ...context.rounds, [params.node]: (context.rounds[params.node] ?? 0) + 1 },
    visited: params.visit ? [...context.visited, params.node] : context.visited,
    actedSinceSubmit: params.resetsActivity ? false : context.actedSinceSubmit,
  })),
  'ordo.setFields': assign(({ context, event }: Args, params: { fields: Readonly<Record<string, string>> }) => ({
    record: { ...context.record, ...evaluateFormulas(params.fields, context, event) },
  })),
  'ordo.invoke.output': assign(({ context, event }: Args, params: { output: Readonly<Record<string, string>> }) => {
    const output = (event['output'] ?? {}) as Record<string, unknown>;
    const copied = Object.entries(params.output).map(([field, property]) => [field, Object.hasOwn(output, property) ? output[property] : null]);
    return { record: { ...context.record, ...Object.fromEntries(copied) } };
  }),
  'ordo.approval.open': assign(({ context, event }: Args, params: { node: string; mode: ApprovalMode; ratio: number }) => {
    const users = (event['users'] ?? []) as string[];
    return { approvals: { ...context.approvals, [params.node]: openRound(params.node, context.rounds[params.node] ?? 1, params.mode, params.ratio, users) } };
  }),
  'ordo.approval.decide': assign(({ context, event }: Args, params: { node: string; decision: 'approved' | 'rejected' }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    return withRound(context, decide(round, text(event, 'slot') ?? '', actorOf(event).username, params.decision, text(event, 'comment')));
  }),
  'ordo.approval.transfer': assign(({ context, event }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    return withRound(context, transfer(round, text(event, 'slot') ?? '', actorOf(event).username, text(event, 'to') ?? '', text(event, 'comment')));
  }),
  'ordo.approval.addSigner': assign(({ context, event }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    const position = (text(event, 'position') ?? 'before') as SignerPosition;
    return withRound(context, addSigner(round, text(event, 'slot') ?? '', actorOf(event).username, text(event, 'user') ?? '', position));
  }),
  'ordo.approval.reassign': assign(({ context, event }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    // An escalation is not an assignee acting: the initiator may still withdraw.
    return { approvals: { ...context.approvals, [round.node]: reassignActive(round, (event['users'] ?? []) as string[], 'system') } };
  }),
  'ordo.approval.handOver': assign(({ context, event }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    // A handover is an administrator's, not an assignee acting: the initiator may still withdraw.
    return { approvals: { ...context.approvals, [round.node]: handOver(round, text(event, 'slot') ?? '', text(event, 'to') ?? '', actorOf(event).username) } };
  }),
  'ordo.approval.approveOnBehalf': assign(({ context }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node) as ApprovalRound;
    return withRound(context, approveOnBehalf(round, 'system'));
  }),
  'ordo.approval.close': assign(({ context }: Args, params: { node: string }) => {
    const round = roundOf(context, params.node);
    return round === undefined ? {} : { approvals: { ...context.approvals, [params.node]: closeRound(round) } };
  }),
  'ordo.children.record': assign(({ context, event }: Args, params: { node: string }) => ({
    children: { ...context.children, [params.node]: { round: context.rounds[params.node] ?? 1, ids: (event['children'] ?? []) as string[], ended: [] } },
  })),
  'ordo.children.ended': assign(({ context, event }: Args, params: { node: string }) => {
    const group = context.children?.[params.node];
    const child = text(event, 'child') ?? '';
    if (group === undefined || group.ended.includes(child)) return {};
    return { children: { ...context.children, [params.node]: { ...group, ended: [...group.ended, child] } } };
  }),
  'ordo.visited.cut': assign(({ context }: Args, params: { target: string }) => ({ visited: cutVisited(context, params.target) })),
};
