import { OrdoError } from '../../errors/index.js';

export type ApprovalMode = 'single' | 'sequential' | 'all' | 'any' | 'ratio';
export type SlotStatus = 'pending' | 'approved' | 'rejected' | 'transferred' | 'cancelled';
export type Decision = 'approved' | 'rejected';
export type SignerPosition = 'before' | 'after' | 'beside';

/** One person's part in one round of an approval node; a task in the inbox. */
export interface ApprovalSlot {
  readonly id: string;
  readonly user: string;
  /** Slots are decided group by group; a group is decided by the node's rule (all, any, ratio). */
  readonly group: number;
  readonly status: SlotStatus;
  readonly comment?: string;
  readonly actedBy?: string;
  readonly addedBy?: string;
}

/** The state of one round of an approval node, kept in the instance's context. */
export interface ApprovalRound {
  readonly node: string;
  readonly round: number;
  readonly mode: ApprovalMode;
  readonly ratio: number;
  readonly slots: readonly ApprovalSlot[];
  /** Counter for slot ids, so a transferred or added slot never reuses one. */
  readonly issued: number;
}

export type ApprovalOutcome = 'pending' | 'approved' | 'rejected';

/**
 * Opens a round: in sequential mode each user is a group of their own, in the order given; in the
 * other modes all users form one group. The same user listed twice gets one slot.
 */
export function openRound(node: string, round: number, mode: ApprovalMode, ratio: number, users: readonly string[]): ApprovalRound {
  const unique = [...new Set(users)];
  if (unique.length === 0) throw new OrdoError('ORDO_ERR_WORKFLOW_NO_ASSIGNEE', `Nobody can take the task "${node}"`);
  const slots = unique.map((user, i) => ({ id: slotId(node, round, i + 1), user, group: mode === 'sequential' ? i : 0, status: 'pending' as const }));
  return { node, round, mode, ratio, slots, issued: slots.length };
}

function slotId(node: string, round: number, n: number): string {
  return `${node}.${round}.${n}`;
}

function groupRule(mode: ApprovalMode): 'all' | 'any' | 'ratio' {
  if (mode === 'single' || mode === 'any') return 'any';
  if (mode === 'ratio') return 'ratio';
  return 'all';
}

function groupOutcome(round: ApprovalRound, slots: readonly ApprovalSlot[]): ApprovalOutcome {
  const counted = slots.filter((slot) => slot.status !== 'transferred' && slot.status !== 'cancelled');
  const approved = counted.filter((slot) => slot.status === 'approved').length;
  const rejected = counted.filter((slot) => slot.status === 'rejected').length;
  switch (groupRule(round.mode)) {
    case 'any':
      if (approved > 0) return 'approved';
      return rejected > 0 ? 'rejected' : 'pending';
    case 'all':
      if (rejected > 0) return 'rejected';
      return approved === counted.length ? 'approved' : 'pending';
    case 'ratio':
      // Compared as integers so a ratio such as 0.66 of 3 is not lost to floating point.
      if (approved >= Math.ceil(round.ratio * counted.length - 1e-9)) return 'approved';
      return counted.length - rejected < Math.ceil(round.ratio * counted.length - 1e-9) ? 'rejected' : 'pending';
  }
}

function groupsOf(round: ApprovalRound): number[] {
  return [...new Set(round.slots.map((slot) => slot.group))].sort((a, b) => a - b);
}

/** Approved when every group is approved in turn; rejected as soon as one group is. */
export function roundOutcome(round: ApprovalRound): ApprovalOutcome {
  for (const group of groupsOf(round)) {
    const outcome = groupOutcome(
      round,
      round.slots.filter((slot) => slot.group === group),
    );
    if (outcome !== 'approved') return outcome;
  }
  return 'approved';
}

/** The group whose slots may act now: the first one not yet approved. */
function activeGroup(round: ApprovalRound): number | undefined {
  return groupsOf(round).find(
    (group) =>
      groupOutcome(
        round,
        round.slots.filter((slot) => slot.group === group),
      ) !== 'approved',
  );
}

/** Pending slots that may act now; pending slots of later groups wait. */
export function activeSlots(round: ApprovalRound): ApprovalSlot[] {
  if (roundOutcome(round) !== 'pending') return [];
  const group = activeGroup(round);
  return round.slots.filter((slot) => slot.group === group && slot.status === 'pending');
}

export function isActiveSlot(round: ApprovalRound, slotIdValue: string, user: string): boolean {
  return activeSlots(round).some((slot) => slot.id === slotIdValue && slot.user === user);
}

/** Whether anyone has done anything in this round (decided, transferred or added a signer). */
export function hasActivity(round: ApprovalRound): boolean {
  return round.slots.some((slot) => slot.status !== 'pending' || slot.addedBy !== undefined);
}

function counts(slot: ApprovalSlot): boolean {
  return slot.status !== 'transferred' && slot.status !== 'cancelled';
}

function replaceSlot(round: ApprovalRound, id: string, change: Partial<ApprovalSlot>): ApprovalSlot[] {
  return round.slots.map((slot) => (slot.id === id ? { ...slot, ...change } : slot));
}

/** Once the round is decided, slots still pending have nothing left to do. */
function settle(round: ApprovalRound): ApprovalRound {
  if (roundOutcome(round) === 'pending') {
    // In `any` and `ratio` a group can be decided before everyone acted; its other slots close.
    const decided = new Set(
      groupsOf(round).filter(
        (group) =>
          groupOutcome(
            round,
            round.slots.filter((slot) => slot.group === group),
          ) !== 'pending',
      ),
    );
    return { ...round, slots: round.slots.map((slot) => (slot.status === 'pending' && decided.has(slot.group) ? { ...slot, status: 'cancelled' } : slot)) };
  }
  return closeRound(round);
}

/** Closes every pending slot: the node was left, by a decision, a return or a withdrawal. */
export function closeRound(round: ApprovalRound): ApprovalRound {
  return { ...round, slots: round.slots.map((slot) => (slot.status === 'pending' ? { ...slot, status: 'cancelled' } : slot)) };
}

function requireActive(round: ApprovalRound, id: string, user: string): ApprovalSlot {
  const slot = round.slots.find((candidate) => candidate.id === id);
  if (slot === undefined || !isActiveSlot(round, id, user)) {
    throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${id} is not waiting for ${user}`);
  }
  return slot;
}

export function decide(round: ApprovalRound, id: string, user: string, decision: Decision, comment?: string): ApprovalRound {
  requireActive(round, id, user);
  return settle({ ...round, slots: replaceSlot(round, id, { status: decision, actedBy: user, ...(comment === undefined ? {} : { comment }) }) });
}

/** 转交: the slot passes to another user, in the same place. */
export function transfer(round: ApprovalRound, id: string, user: string, to: string, comment?: string): ApprovalRound {
  return moveSlot(round, requireActive(round, id, user), to, user, comment);
}

/**
 * Handing over a departed employee's work: a pending slot, whether it may act now or waits its
 * turn, passes to another user in the same place.
 */
export function handOver(round: ApprovalRound, id: string, to: string, by: string): ApprovalRound {
  const slot = round.slots.find((candidate) => candidate.id === id && candidate.status === 'pending');
  if (slot === undefined) throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${id} is no longer pending`);
  return moveSlot(round, slot, to, by);
}

function moveSlot(round: ApprovalRound, slot: ApprovalSlot, to: string, by: string, comment?: string): ApprovalRound {
  // Someone who already has or had a vote in this group would vote twice.
  if (to === slot.user || round.slots.some((other) => other.group === slot.group && other.user === to && counts(other))) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${to} already has this task`, {
      fields: [{ pointer: '/to', code: 'duplicate', message: `${to} already has this task` }],
    });
  }
  const issued = round.issued + 1;
  const moved: ApprovalSlot = { id: slotId(round.node, round.round, issued), user: to, group: slot.group, status: 'pending', addedBy: by };
  const slots = replaceSlot(round, slot.id, { status: 'transferred', actedBy: by, ...(comment === undefined ? {} : { comment }) });
  slots.splice(slots.findIndex((candidate) => candidate.id === slot.id) + 1, 0, moved);
  return { ...round, slots, issued };
}

/**
 * 加签: `before` makes the new signer decide first and the node come back to the adder; `after`
 * passes the node on to the new signer once the adder's group is through; `beside` (all and ratio
 * modes) adds a co-signer whose vote counts like everyone's in the group.
 */
export function addSigner(round: ApprovalRound, id: string, user: string, signer: string, position: SignerPosition): ApprovalRound {
  const slot = requireActive(round, id, user);
  if (position === 'beside' && groupRule(round.mode) === 'any') {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', 'A co-signer can be added only in countersign and ratio modes', {
      fields: [{ pointer: '/position', code: 'enum', message: 'use before or after in this mode' }],
    });
  }
  // A co-signer who has or had a vote in this group would vote twice, as in a transfer.
  const twice = (other: ApprovalSlot) => other.status === 'pending' || (position === 'beside' && other.group === slot.group && counts(other));
  if (round.slots.some((other) => other.user === signer && twice(other))) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${signer} already has this task`, {
      fields: [{ pointer: '/user', code: 'duplicate', message: `${signer} already has this task` }],
    });
  }
  const issued = round.issued + 1;
  const group = position === 'beside' ? slot.group : position === 'before' ? slot.group : slot.group + 1;
  // Make room: every group from the new one on moves one later, except when signing beside.
  const shifted = position === 'beside' ? round.slots : round.slots.map((other) => (other.group >= group ? { ...other, group: other.group + 1 } : other));
  const added: ApprovalSlot = { id: slotId(round.node, round.round, issued), user: signer, group, status: 'pending', addedBy: user };
  return { ...round, slots: [...shifted, added], issued };
}

/**
 * Escalation by reassigning: every slot that may act now passes to the given users. Nobody to
 * pass them to is refused: the slots would be gone and a countersign group with no slot left
 * counts as approved.
 */
export function reassignActive(round: ApprovalRound, users: readonly string[], by: string): ApprovalRound {
  if (users.length === 0) throw new OrdoError('ORDO_ERR_WORKFLOW_NO_ASSIGNEE', `Nobody can take over the task "${round.node}"`);
  let next = round;
  for (const slot of activeSlots(round)) {
    for (const user of users) {
      if (next.slots.some((other) => other.group === slot.group && other.user === user && other.status === 'pending')) continue;
      const issued = next.issued + 1;
      next = {
        ...next,
        slots: [...next.slots, { id: slotId(round.node, round.round, issued), user, group: slot.group, status: 'pending', addedBy: by }],
        issued,
      };
    }
    if (!users.includes(slot.user)) next = { ...next, slots: replaceSlot(next, slot.id, { status: 'transferred', actedBy: by }) };
  }
  return next;
}

/** Auto-submit at the due time: the slots that may act now approve, group after group, until done. */
export function approveOnBehalf(round: ApprovalRound, by: string): ApprovalRound {
  let next = round;
  for (let active = activeSlots(next); active.length > 0; active = activeSlots(next)) {
    next = settle({ ...next, slots: next.slots.map((slot) => (active.includes(slot) ? { ...slot, status: 'approved', actedBy: by } : slot)) });
  }
  return next;
}
