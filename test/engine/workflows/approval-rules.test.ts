import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../engine/errors/index.js';
import {
  activeSlots,
  addSigner,
  approveOnBehalf,
  closeRound,
  decide,
  hasActivity,
  openRound,
  reassignActive,
  roundOutcome,
  transfer,
  type ApprovalMode,
  type ApprovalRound,
  type SignerPosition,
  type SlotStatus,
} from '../../../engine/workflows/approval/approval-rules.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (isOrdoError(error)) return error.code;
    throw error;
  }
}

const ids = (round: ApprovalRound) => activeSlots(round).map((slot) => slot.id);
const statusOf = (round: ApprovalRound, id: string) => round.slots.find((slot) => slot.id === id)?.status;

describe('approval rules, by example', () => {
  it('opens one slot per distinct user, in one group or one group each in sequential mode', () => {
    const all = openRound('review', 1, 'all', 1, ['a', 'b', 'a']);
    expect(all.slots.map((slot) => [slot.id, slot.user, slot.group])).toEqual([
      ['review.1.1', 'a', 0],
      ['review.1.2', 'b', 0],
    ]);
    expect(openRound('review', 2, 'sequential', 1, ['a', 'b']).slots.map((slot) => [slot.id, slot.group])).toEqual([
      ['review.2.1', 0],
      ['review.2.2', 1],
    ]);
    expect(codeOf(() => openRound('review', 1, 'single', 1, []))).toBe('ORDO_ERR_WORKFLOW_NO_ASSIGNEE');
  });

  it('single and any: the first decision counts and closes the other slots', () => {
    const round = openRound('n', 1, 'any', 1, ['a', 'b', 'c']);
    const rejected = decide(round, 'n.1.2', 'b', 'rejected', 'no');
    expect(roundOutcome(rejected)).toBe('rejected');
    expect(rejected.slots.map((slot) => slot.status)).toEqual(['cancelled', 'rejected', 'cancelled']);
    expect(roundOutcome(decide(openRound('n', 1, 'single', 1, ['a', 'b']), 'n.1.1', 'a', 'approved'))).toBe('approved');
  });

  it('countersign: approved when everyone approved, rejected by one rejection', () => {
    let round = openRound('n', 1, 'all', 1, ['a', 'b', 'c']);
    round = decide(round, 'n.1.1', 'a', 'approved');
    round = decide(round, 'n.1.3', 'c', 'approved');
    expect(roundOutcome(round)).toBe('pending');
    expect(ids(round)).toEqual(['n.1.2']);
    expect(roundOutcome(decide(round, 'n.1.2', 'b', 'approved'))).toBe('approved');
    expect(roundOutcome(decide(round, 'n.1.2', 'b', 'rejected'))).toBe('rejected');
  });

  it('sequential: only the first undecided user may act', () => {
    let round = openRound('n', 1, 'sequential', 1, ['a', 'b']);
    expect(ids(round)).toEqual(['n.1.1']);
    expect(codeOf(() => decide(round, 'n.1.2', 'b', 'approved'))).toBe('ORDO_ERR_TASK_NOT_ACTIVE');
    round = decide(round, 'n.1.1', 'a', 'approved');
    expect(ids(round)).toEqual(['n.1.2']);
    expect(roundOutcome(decide(round, 'n.1.2', 'b', 'approved'))).toBe('approved');
  });

  it('ratio: approved at ceil(ratio * n) approvals, rejected once that cannot happen; 0.66 of 3 needs 2', () => {
    let round = openRound('n', 1, 'ratio', 0.66, ['a', 'b', 'c']);
    round = decide(round, 'n.1.1', 'a', 'approved');
    expect(roundOutcome(round)).toBe('pending');
    const approved = decide(round, 'n.1.2', 'b', 'approved');
    expect(roundOutcome(approved)).toBe('approved');
    expect(statusOf(approved, 'n.1.3')).toBe('cancelled');
    let failing = openRound('n', 1, 'ratio', 0.66, ['a', 'b', 'c']);
    failing = decide(failing, 'n.1.1', 'a', 'rejected');
    expect(roundOutcome(failing)).toBe('pending');
    expect(roundOutcome(decide(failing, 'n.1.2', 'b', 'rejected'))).toBe('rejected');
  });

  it('ratio: 0.28 of 25 needs 7 approvals, though 0.28 * 25 is 7.000000000000001 in floating point', () => {
    const users = Array.from({ length: 25 }, (_, i) => `u${i}`);
    let round = openRound('n', 1, 'ratio', 0.28, users);
    for (let i = 0; i < 6; i++) round = decide(round, `n.1.${i + 1}`, `u${i}`, 'approved');
    expect(roundOutcome(round)).toBe('pending');
    expect(roundOutcome(decide(round, 'n.1.7', 'u6', 'approved'))).toBe('approved');
  });

  it('transfer: a new slot in the same place; transferring to oneself or to a co-assignee is refused', () => {
    const round = openRound('n', 1, 'all', 1, ['a', 'b']);
    const moved = transfer(round, 'n.1.1', 'a', 'z', 'on leave');
    expect(moved.slots.map((slot) => [slot.id, slot.user, slot.status])).toEqual([
      ['n.1.1', 'a', 'transferred'],
      ['n.1.3', 'z', 'pending'],
      ['n.1.2', 'b', 'pending'],
    ]);
    expect(moved.slots[0]?.comment).toBe('on leave');
    expect(codeOf(() => transfer(round, 'n.1.1', 'a', 'a'))).toBe('ORDO_ERR_REQUEST_INVALID');
    expect(codeOf(() => transfer(round, 'n.1.1', 'a', 'b'))).toBe('ORDO_ERR_REQUEST_INVALID');
  });

  it('add-signer before comes back to the adder; after passes on once the adder approved', () => {
    const round = openRound('n', 1, 'single', 1, ['a']);
    const before = addSigner(round, 'n.1.1', 'a', 's', 'before');
    expect(ids(before)).toEqual(['n.1.2']);
    const back = decide(before, 'n.1.2', 's', 'approved');
    expect(ids(back)).toEqual(['n.1.1']);
    expect(roundOutcome(decide(back, 'n.1.1', 'a', 'approved'))).toBe('approved');

    const after = addSigner(round, 'n.1.1', 'a', 's', 'after');
    expect(ids(after)).toEqual(['n.1.1']);
    const passed = decide(after, 'n.1.1', 'a', 'approved');
    expect(roundOutcome(passed)).toBe('pending');
    expect(ids(passed)).toEqual(['n.1.2']);
  });

  it('add-signer beside counts like everyone in countersign and is refused in single and any modes', () => {
    const round = addSigner(openRound('n', 1, 'all', 1, ['a', 'b']), 'n.1.1', 'a', 's', 'beside');
    expect(ids(round)).toEqual(['n.1.1', 'n.1.2', 'n.1.3']);
    expect(codeOf(() => addSigner(openRound('n', 1, 'single', 1, ['a']), 'n.1.1', 'a', 's', 'beside'))).toBe('ORDO_ERR_REQUEST_INVALID');
    expect(codeOf(() => addSigner(openRound('n', 1, 'any', 1, ['a', 'b']), 'n.1.1', 'a', 's', 'beside'))).toBe('ORDO_ERR_REQUEST_INVALID');
    expect(codeOf(() => addSigner(openRound('n', 1, 'all', 1, ['a', 'b']), 'n.1.1', 'a', 'b', 'after'))).toBe('ORDO_ERR_REQUEST_INVALID');
  });

  it('add-signer beside refuses someone who already voted in the group: their vote would count twice', () => {
    // Ratio 1/2 of four: a rejects, b adds a beside and a rejects again; with c's rejection the
    // group would be rejected (5 - 3 < 3) although b and d could still make it 2 of 4.
    const round = decide(openRound('n', 1, 'ratio', 0.5, ['a', 'b', 'c', 'd']), 'n.1.1', 'a', 'rejected', 'no');
    expect(codeOf(() => addSigner(round, 'n.1.2', 'b', 'a', 'beside'))).toBe('ORDO_ERR_REQUEST_INVALID');
    const approvedFirst = decide(openRound('n', 1, 'all', 1, ['a', 'b']), 'n.1.1', 'a', 'approved');
    expect(codeOf(() => addSigner(approvedFirst, 'n.1.2', 'b', 'a', 'beside'))).toBe('ORDO_ERR_REQUEST_INVALID');
    // A group of its own (before or after) is a new decision, not a second vote in this one.
    expect(ids(addSigner(approvedFirst, 'n.1.2', 'b', 'a', 'after'))).toEqual(['n.1.2']);
  });

  it('hasActivity: false on a fresh round, true after any action', () => {
    const round = openRound('n', 1, 'all', 1, ['a', 'b']);
    expect(hasActivity(round)).toBe(false);
    expect(hasActivity(decide(round, 'n.1.1', 'a', 'approved'))).toBe(true);
    expect(hasActivity(transfer(round, 'n.1.1', 'a', 'z'))).toBe(true);
    expect(hasActivity(addSigner(round, 'n.1.1', 'a', 'z', 'before'))).toBe(true);
  });

  it('reassignActive moves every open slot to the new users; approveOnBehalf approves group after group', () => {
    const round = decide(openRound('n', 1, 'all', 1, ['a', 'b', 'c']), 'n.1.1', 'a', 'approved');
    const moved = reassignActive(round, ['m'], 'system');
    expect(moved.slots.map((slot) => [slot.id, slot.user, slot.status])).toEqual([
      ['n.1.1', 'a', 'approved'],
      ['n.1.2', 'b', 'transferred'],
      ['n.1.3', 'c', 'transferred'],
      ['n.1.4', 'm', 'pending'],
    ]);
    expect(roundOutcome(decide(moved, 'n.1.4', 'm', 'approved'))).toBe('approved');
    expect(codeOf(() => reassignActive(round, [], 'system'))).toBe('ORDO_ERR_WORKFLOW_NO_ASSIGNEE');

    const sequential = approveOnBehalf(openRound('n', 1, 'sequential', 1, ['a', 'b', 'c']), 'system');
    expect(roundOutcome(sequential)).toBe('approved');
    expect(sequential.slots.every((slot) => slot.status === 'approved' && slot.actedBy === 'system')).toBe(true);
  });

  it('closeRound cancels what is pending and keeps the decisions', () => {
    const round = closeRound(decide(openRound('n', 1, 'all', 1, ['a', 'b']), 'n.1.1', 'a', 'approved'));
    expect(round.slots.map((slot) => slot.status)).toEqual(['approved', 'cancelled']);
    expect(activeSlots(round)).toEqual([]);
  });
});

/**
 * The plain model: groups of members decided in order. A member is replaced on transfer, so the
 * model holds only the people whose votes count; a group's rule reads those votes.
 */
interface Member {
  readonly id: string;
  readonly user: string;
  vote: 'pending' | 'approved' | 'rejected';
}

interface Model {
  readonly mode: ApprovalMode;
  /** Approvals a ratio group of n members needs, as exact integers. */
  readonly need: (n: number) => number;
  groups: Member[][];
  /** First decision per group, for single and any. */
  first: Map<Member[], 'approved' | 'rejected'>;
  issued: number;
  gone: Set<string>;
}

function groupState(model: Model, group: Member[]): 'pending' | 'approved' | 'rejected' {
  const approved = group.filter((member) => member.vote === 'approved').length;
  const rejected = group.filter((member) => member.vote === 'rejected').length;
  switch (model.mode) {
    case 'single':
    case 'any':
      return model.first.get(group) ?? 'pending';
    case 'all':
    case 'sequential':
      if (rejected > 0) return 'rejected';
      return approved === group.length ? 'approved' : 'pending';
    case 'ratio': {
      const need = model.need(group.length);
      if (approved >= need) return 'approved';
      return group.length - rejected < need ? 'rejected' : 'pending';
    }
  }
}

function modelOutcome(model: Model): 'pending' | 'approved' | 'rejected' {
  for (const group of model.groups) {
    const state = groupState(model, group);
    if (state !== 'approved') return state;
  }
  return 'approved';
}

function modelActive(model: Model): Member[] {
  if (modelOutcome(model) !== 'pending') return [];
  const group = model.groups.find((candidate) => groupState(model, candidate) !== 'approved') ?? [];
  return group.filter((member) => member.vote === 'pending');
}

function expectedStatus(model: Model, id: string): SlotStatus {
  if (model.gone.has(id)) return 'transferred';
  const group = model.groups.find((candidate) => candidate.some((member) => member.id === id)) as Member[];
  const member = group.find((candidate) => candidate.id === id) as Member;
  if (member.vote !== 'pending') return member.vote;
  return modelOutcome(model) === 'pending' && groupState(model, group) === 'pending' ? 'pending' : 'cancelled';
}

type Step =
  | { kind: 'decide'; decision: 'approved' | 'rejected' }
  | { kind: 'transfer'; to: string }
  | { kind: 'add'; signer: string; position: SignerPosition };

/** What the model says the action does: an error code, or nothing when it changes the model. */
function modelApply(model: Model, id: string, user: string, step: Step): string | undefined {
  const member = modelActive(model).find((candidate) => candidate.id === id && candidate.user === user);
  if (member === undefined) return 'ORDO_ERR_TASK_NOT_ACTIVE';
  const at = model.groups.findIndex((group) => group.includes(member));
  const group = model.groups[at] as Member[];
  const open = (candidate: Member) => candidate.vote === 'pending' && groupState(model, model.groups.find((g) => g.includes(candidate)) as Member[]) === 'pending';
  switch (step.kind) {
    case 'decide':
      member.vote = step.decision;
      if (!model.first.has(group)) model.first.set(group, step.decision);
      return undefined;
    case 'transfer': {
      // Anyone with a vote in the group, cast or not, would vote twice.
      if (step.to === user || group.some((other) => other.user === step.to)) return 'ORDO_ERR_REQUEST_INVALID';
      model.issued += 1;
      group.splice(group.indexOf(member), 1, { id: `n.1.${model.issued}`, user: step.to, vote: 'pending' });
      model.gone.add(member.id);
      return undefined;
    }
    case 'add': {
      if (step.position === 'beside' && (model.mode === 'single' || model.mode === 'any')) return 'ORDO_ERR_REQUEST_INVALID';
      if (model.groups.flat().some((other) => other.user === step.signer && open(other))) return 'ORDO_ERR_REQUEST_INVALID';
      // A co-signer who already voted in the group would vote twice.
      if (step.position === 'beside' && group.some((other) => other.user === step.signer)) return 'ORDO_ERR_REQUEST_INVALID';
      model.issued += 1;
      const added: Member = { id: `n.1.${model.issued}`, user: step.signer, vote: 'pending' };
      if (step.position === 'beside') group.push(added);
      else model.groups.splice(step.position === 'before' ? at : at + 1, 0, [added]);
      return undefined;
    }
  }
}

function engineApply(round: ApprovalRound, id: string, user: string, step: Step): ApprovalRound {
  switch (step.kind) {
    case 'decide':
      return decide(round, id, user, step.decision);
    case 'transfer':
      return transfer(round, id, user, step.to);
    case 'add':
      return addSigner(round, id, user, step.signer, step.position);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const POOL = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
const poolUser = fc.constantFrom(...POOL);

interface ModeChoice {
  readonly mode: ApprovalMode;
  /** The ratio as k/d, so the model can count exactly. */
  readonly k: number;
  readonly d: number;
}

const modeArb: fc.Arbitrary<ModeChoice> = fc.constantFrom<ApprovalMode>('single', 'sequential', 'all', 'any', 'ratio').chain((mode) =>
  mode === 'ratio'
    ? fc.constantFrom(1, 2, 3, 4, 5, 7, 10, 100, 1000).chain((d) => fc.integer({ min: 1, max: d }).map((k): ModeChoice => ({ mode, k, d })))
    : fc.constant<ModeChoice>({ mode, k: 1, d: 1 }),
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<'approved' | 'rejected'>('approved', 'approved', 'approved', 'rejected').map((decision) => ({ kind: 'decide' as const, decision })) },
  { weight: 1, arbitrary: poolUser.map((to) => ({ kind: 'transfer' as const, to })) },
  { weight: 1, arbitrary: fc.tuple(poolUser, fc.constantFrom<SignerPosition>('before', 'after', 'beside')).map(([signer, position]) => ({ kind: 'add' as const, signer, position })) },
);

/** An action names a slot (an active one, any one, or one never issued) and who acts: its holder most of the time, or anyone. */
const actionArb = fc.record({
  slot: fc.oneof(
    { weight: 6, arbitrary: fc.nat(40).map((n) => ({ among: 'active' as const, n })) },
    { weight: 3, arbitrary: fc.nat(40).map((n) => ({ among: 'all' as const, n })) },
    { weight: 1, arbitrary: fc.constant({ among: 'none' as const, n: 0 }) },
  ),
  actor: fc.oneof({ weight: 3, arbitrary: fc.constant<string | undefined>(undefined) }, { weight: 1, arbitrary: poolUser }),
  step: stepArb,
});

describe('approval rules against a plain model', () => {
  it('agree on outcome, active slots and every slot status; refused actions leave the round as it was', () => {
    fc.assert(
      fc.property(modeArb, fc.uniqueArray(poolUser, { minLength: 1, maxLength: 6 }), fc.array(actionArb, { maxLength: 25 }), ({ mode, k, d }, users, actions) => {
        let round = deepFreeze(openRound('n', 1, mode, k / d, users));
        const model: Model = {
          mode,
          need: (n) => Math.floor((k * n + d - 1) / d),
          groups: mode === 'sequential' ? users.map((user, i) => [{ id: `n.1.${i + 1}`, user, vote: 'pending' }]) : [users.map((user, i) => ({ id: `n.1.${i + 1}`, user, vote: 'pending' }))],
          first: new Map(),
          issued: users.length,
          gone: new Set(),
        };
        const seen = new Set(round.slots.map((slot) => slot.id));
        let afterDecision = 0;
        for (const action of actions) {
          // One action after the decision shows the round closed; more would only repeat that.
          if (roundOutcome(round) !== 'pending' && ++afterDecision > 1) break;
          const active = activeSlots(round);
          const among = action.slot.among === 'active' && active.length > 0 ? active : round.slots;
          const target = action.slot.among === 'none' ? { id: 'n.1.99', user: 'u0' } : (among[action.slot.n % among.length] as { id: string; user: string });
          const user = action.actor ?? target.user;
          const before = JSON.stringify(round);
          const expected = modelApply(model, target.id, user, action.step);
          const code = codeOf(() => {
            round = deepFreeze(engineApply(round, target.id, user, action.step));
          });
          expect(code).toBe(expected);
          if (code !== undefined) {
            expect(JSON.stringify(round)).toBe(before);
            continue;
          }
          const previous = new Set(seen);
          const fresh = round.slots.map((slot) => slot.id).filter((id) => !previous.has(id));
          expect(new Set(round.slots.map((slot) => slot.id)).size).toBe(round.slots.length);
          for (const id of previous) expect(round.slots.some((slot) => slot.id === id)).toBe(true);
          expect(fresh.length).toBe(action.step.kind === 'decide' ? 0 : 1);
          fresh.forEach((id) => seen.add(id));

          const outcome = roundOutcome(round);
          expect(outcome).toBe(modelOutcome(model));
          expect(ids(round).sort()).toEqual(modelActive(model).map((member) => member.id).sort());
          for (const slot of round.slots) expect([slot.id, slot.status]).toEqual([slot.id, expectedStatus(model, slot.id)]);
          if (outcome !== 'pending') expect(round.slots.some((slot) => slot.status === 'pending')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('countersign completes exactly when every counted assignee approved', () => {
    fc.assert(
      fc.property(fc.uniqueArray(poolUser, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(10), { maxLength: 12 }), (users, order) => {
        let round = openRound('n', 1, 'all', 1, users);
        const approved = new Set<string>();
        for (const pick of order) {
          const active = activeSlots(round);
          const slot = active[pick % Math.max(1, active.length)];
          if (slot === undefined) break;
          round = decide(round, slot.id, slot.user, 'approved');
          approved.add(slot.user);
          expect(roundOutcome(round)).toBe(approved.size === users.length ? 'approved' : 'pending');
        }
      }),
      { numRuns: 200 },
    );
  });
});
