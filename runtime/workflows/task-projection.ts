import { activeSlots, type ApprovalRound, type WorkflowContext } from '../../engine/workflows/index.js';
import type { TaskStatus } from './types.js';

export interface SlotView {
  readonly node: string;
  readonly round: number;
  readonly slot: string;
  readonly user: string;
  readonly status: TaskStatus;
  readonly actedBy?: string;
  readonly comment?: string;
}

/** What the inbox should show for each slot of a round: pending slots are open now or waiting their turn. */
function views(round: ApprovalRound): SlotView[] {
  const active = new Set(activeSlots(round).map((slot) => slot.id));
  return round.slots.map((slot) => ({
    node: round.node,
    round: round.round,
    slot: slot.id,
    user: slot.user,
    status: slot.status === 'pending' ? (active.has(slot.id) ? 'open' : 'waiting') : slot.status,
    ...(slot.actedBy === undefined ? {} : { actedBy: slot.actedBy }),
    ...(slot.comment === undefined ? {} : { comment: slot.comment }),
  }));
}

function allViews(context: Pick<WorkflowContext, 'approvals'>): Map<string, SlotView> {
  return new Map(Object.values(context.approvals).flatMap((round) => views(round).map((view) => [view.slot, view] as const)));
}

/**
 * The task rows a step adds and changes, from the approvals before and after it. A slot closed by
 * the actor's return or by the initiator's withdrawal reads as such rather than as cancelled.
 */
export function projectTasks(
  before: Pick<WorkflowContext, 'approvals'>,
  after: Pick<WorkflowContext, 'approvals'>,
  event: { type: string; slot?: string; comment?: string; actor: { username: string } },
): { added: SlotView[]; changed: SlotView[] } {
  const old = allViews(before);
  const added: SlotView[] = [];
  const changed: SlotView[] = [];
  for (const view of allViews(after).values()) {
    const previous = old.get(view.slot);
    let next = view;
    if (view.status === 'cancelled' && event.type === 'return' && event.slot === view.slot) {
      next = { ...view, status: 'returned', actedBy: event.actor.username, ...(event.comment === undefined ? {} : { comment: event.comment }) };
    } else if (view.status === 'cancelled' && event.type === 'withdraw') {
      next = { ...view, status: 'withdrawn' };
    }
    if (previous === undefined || previous.round !== next.round) added.push(next);
    else if (previous.status !== next.status || previous.user !== next.user) changed.push(next);
  }
  return { added, changed };
}
