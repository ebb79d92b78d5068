/** The guardrails of the formula language; each is tested and documented in docs/expressions.md. */
export const EXPRESSION_LIMITS = Object.freeze({
  /** Same as the `Expression` maxLength in the definition meta-schema. */
  maxSourceLength: 4000,
  /** Nesting of parentheses, function calls and prefix operators. */
  maxDepth: 64,
  defaultMaxSteps: 100_000,
  /** Longest list a formula may read from a sub-table or pass to a function. */
  maxListLength: 100_000,
  /** Characters of built text that cost one step, so building huge text runs out of budget. */
  textCharsPerStep: 64,
  /** Compiled formulas kept by compileExpression, least recently used dropped first. */
  compileCacheSize: 1000,
});
