import type { UserTask } from '../../definitions/generated/definition-types.js';
import { activeSlots } from '../approval/approval-rules.js';
import type { WorkflowContext } from '../workflow-types.js';
import { effect, targetOf, transitionConfig, type TransitionConfig } from './action-configs.js';

export interface ApprovalPlace {
  readonly node: string;
  readonly task: UserTask;
  /** The workflow's initial state: where withdrawals, rejections and `initiator` returns go. */
  readonly initial: string;
  /** Every state a return could resolve to, so each gets a guarded transition. */
  readonly returnCandidates: readonly string[];
  readonly title: { 'zh-CN': string; en: string };
}

const NOTICE = {
  remind: { 'zh-CN': '待办提醒：任务即将到期', en: 'Reminder: a task is about to fall due' },
  overdue: { 'zh-CN': '任务已超时', en: 'A task is overdue' },
  approved: { 'zh-CN': '审批已通过', en: 'An approval was granted' },
  rejected: { 'zh-CN': '审批被驳回', en: 'An approval was rejected' },
};

function activeUsers(context: WorkflowContext, node: string): { user: string }[] {
  const round = Object.hasOwn(context.approvals, node) ? context.approvals[node] : undefined;
  return round === undefined ? [] : activeSlots(round).map((slot) => ({ user: slot.user }));
}

/**
 * The approval node, one statechart fragment for every pattern: `assigning` waits for the
 * runtime to resolve the assignees; `deciding` takes votes, transfers, added signers, returns,
 * a withdrawal and timer escalations until the round's outcome moves the instance on.
 */
export function approvalFragment(place: ApprovalPlace): Record<string, unknown> {
  const { node, task, initial } = place;
  const mode = task.mode ?? 'single';
  const commentOn = task.commentRequired ?? 'reject';
  const allow = task.allow ?? {};
  const allowed = task.returnTo ?? ['previous', 'initiator'];
  const cc = task.cc === undefined ? [] : [task.cc];

  const outcome = (result: 'approved' | 'rejected', transition: TransitionConfig, message: { 'zh-CN': string; en: string }) => ({
    ...transition,
    guard: { type: 'ordo.approval.outcome', params: { node, outcome: result } },
    actions: [...cc.map((to) => effect({ kind: 'notify', to, message, notification: 'cc' })), ...(transition.actions ?? [])],
  });
  const returns = place.returnCandidates.map((target) => ({
    target: targetOf(target),
    guard: { type: 'ordo.approval.returnTo', params: { node, target, allowed, initial, commentRequired: commentOn !== 'never' } },
    actions: [{ type: 'ordo.visited.cut', params: { target } }],
  }));
  const dueReturns = place.returnCandidates.map((target) => ({
    target: targetOf(target),
    guard: { type: 'ordo.timer.returnTo', params: { node, target, initial } },
    actions: [{ type: 'ordo.visited.cut', params: { target } }],
  }));

  const escalation = task.due?.onDue;
  const dueGuard = { type: 'ordo.timer', params: { node, timer: 'due' } };
  const onDue: unknown[] = [];
  switch (escalation?.action) {
    case 'notify':
      onDue.push({ guard: dueGuard, actions: [effect({ kind: 'notify', to: escalation.to ?? [], message: NOTICE.overdue, notification: 'escalation' })] });
      break;
    case 'reassign':
      onDue.push({ guard: dueGuard, actions: [effect({ kind: 'resolve-assignees', node, purpose: 'reassign', assignees: escalation.to ?? [] })] });
      break;
    case 'approve':
      onDue.push({ guard: dueGuard, actions: [{ type: 'ordo.approval.approveOnBehalf', params: { node } }] });
      break;
    case 'return':
      onDue.push(...dueReturns);
      break;
    default:
      onDue.push({
        guard: dueGuard,
        actions: [effect(({ context }) => ({ kind: 'notify', to: activeUsers(context, node), message: NOTICE.overdue, notification: 'escalation' }))],
      });
  }

  const decidingOn: Record<string, unknown> = {
    approve: {
      guard: { type: 'ordo.approval.mayAct', params: { node, commentRequired: commentOn === 'always' } },
      actions: [{ type: 'ordo.approval.decide', params: { node, decision: 'approved' } }],
    },
    reject: {
      guard: { type: 'ordo.approval.mayAct', params: { node, commentRequired: commentOn !== 'never' } },
      actions: [{ type: 'ordo.approval.decide', params: { node, decision: 'rejected' } }],
    },
    return: returns,
    'ordo.task.assigned': {
      guard: { type: 'ordo.assigned', params: { node, purpose: 'reassign' } },
      actions: [{ type: 'ordo.approval.reassign', params: { node } }],
    },
    'ordo.task.handover': { guard: { type: 'ordo.handover', params: { node } }, actions: [{ type: 'ordo.approval.handOver', params: { node } }] },
    'ordo.timer': [
      {
        guard: { type: 'ordo.timer', params: { node, timer: 'remind' } },
        actions: [effect(({ context }) => ({ kind: 'notify', to: activeUsers(context, node), message: NOTICE.remind, notification: 'remind' }))],
      },
      ...onDue,
    ],
  };
  const plainAct = { type: 'ordo.approval.mayAct', params: { node, commentRequired: commentOn === 'always' } };
  if (allow.transfer !== false) decidingOn['transfer'] = { guard: plainAct, actions: [{ type: 'ordo.approval.transfer', params: { node } }] };
  if (allow.addSigner !== false) decidingOn['add-signer'] = { guard: plainAct, actions: [{ type: 'ordo.approval.addSigner', params: { node } }] };
  if (allow.withdraw !== false) decidingOn['withdraw'] = { guard: { type: 'ordo.withdraw' }, target: targetOf(initial) };

  const rejected = task.onRejected === undefined ? { target: targetOf(initial) } : transitionConfig(task.onRejected);
  return {
    initial: 'assigning',
    entry: [effect({ kind: 'resolve-assignees', node, purpose: 'open', assignees: task.assignees })],
    exit: [{ type: 'ordo.approval.close', params: { node } }],
    states: {
      assigning: {
        on: {
          'ordo.task.assigned': {
            target: 'deciding',
            guard: { type: 'ordo.assigned', params: { node, purpose: 'open' } },
            actions: [
              { type: 'ordo.approval.open', params: { node, mode, ratio: task.ratio ?? 1 } },
              effect(({ context }) => ({
                kind: 'task-opened',
                node,
                round: context.rounds[node] ?? 1,
                title: place.title,
                ...(task.due === undefined ? {} : { due: task.due }),
              })),
            ],
          },
        },
      },
      deciding: {
        always: [outcome('approved', transitionConfig(task.onApproved), NOTICE.approved), outcome('rejected', rejected, NOTICE.rejected)],
        on: decidingOn,
      },
    },
  };
}
