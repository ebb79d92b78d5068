/**
 * The stable codes of a report definition's load-time problems (planReport). Publishing, `ordo
 * validate` and the designer's preview report each with a JSON pointer; the report designer words
 * them in the user's language by code and marks the chip the pointer leads into. docs/reports.md
 * lists them (a test checks the list is complete).
 */
export const REPORT_PROBLEM_CODES = [
  'unknownForm',
  'notSubTable',
  'invalidParameters',
  'unknownField',
  'joinNeedsForm',
  'joinNameTaken',
  'joinField',
  'notLookup',
  'operandCount',
  'unknownParameter',
  'fieldTypesDiffer',
  'opNotAllowed',
  'todayNotDate',
  'valueType',
  'bucketNotDate',
  'keyTaken',
  'measureNeedsField',
  'measureNotNumber',
  'measureNotOrdered',
  'timesInvalid',
  'ratioNeedsWhere',
  'unknownKey',
  'drillForm',
  'drillField',
  'invalidFormula',
  'formulaNotCondition',
  'formulaNotInDatabase',
] as const;

export type ReportProblemCode = (typeof REPORT_PROBLEM_CODES)[number];
