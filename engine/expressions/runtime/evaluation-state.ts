import { OrdoError } from '../../errors/index.js';
import { EXPRESSION_LIMITS } from '../limits.js';

/** The per-evaluation state every compiled closure receives: the data, the clock and the budget. */
export class EvaluationState {
  private steps = 0;

  constructor(
    readonly fields: unknown,
    readonly row: unknown,
    readonly nowMs: number,
    private readonly maxSteps: number,
  ) {}

  /** Counts work; throws ORDO_ERR_EXPRESSION_BUDGET once the evaluation has done too much. */
  charge(steps: number): void {
    this.steps += steps;
    if (this.steps > this.maxSteps) {
      throw new OrdoError('ORDO_ERR_EXPRESSION_BUDGET', `The formula was stopped after ${this.maxSteps} steps`, {
        extra: { maxSteps: this.maxSteps },
      });
    }
  }

  /** Building text costs steps by length, so doubling text again and again runs out of budget. */
  chargeText(text: string): string {
    this.charge(1 + Math.floor(text.length / EXPRESSION_LIMITS.textCharsPerStep));
    return text;
  }

  /** A list longer than maxListLength is refused outright, whatever the step budget. */
  chargeList(length: number): void {
    if (length > EXPRESSION_LIMITS.maxListLength) {
      throw new OrdoError('ORDO_ERR_EXPRESSION_BUDGET', `A list of ${length} items is longer than ${EXPRESSION_LIMITS.maxListLength}`, {
        extra: { maxListLength: EXPRESSION_LIMITS.maxListLength },
      });
    }
    this.charge(length);
  }
}
