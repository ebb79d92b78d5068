import { OrdoError, type FieldError } from '../../errors/index.js';
import { parseDay } from '../calendar/index.js';
import type { MrpBom, MrpDemand, MrpItem, MrpOpenSupply, MrpScenario } from '../generated/planning-types.js';

/**
 * What the JSON Schema cannot say about a scenario's shape: dates that are real days, ids that are
 * unique, BOM lines that refer to lines of their own BOM. Problems here are errors (the caller must
 * fix the data); references between records (an unknown item, a make item without a BOM) are not:
 * they become exception entries and the rest is planned.
 */
export function scenarioProblems(scenario: MrpScenario): FieldError[] {
  const problems: FieldError[] = [];
  date(problems, '/horizon/start', scenario.horizon.start);
  date(problems, '/horizon/end', scenario.horizon.end);
  const start = parseDay(scenario.horizon.start);
  const end = parseDay(scenario.horizon.end);
  if (start !== undefined && end !== undefined && end < start) problems.push({ pointer: '/horizon/end', code: 'range', message: 'must not be before the horizon start' });
  (scenario.calendar?.holidays ?? []).forEach((day, at) => date(problems, `/calendar/holidays/${at}`, day));
  (scenario.calendar?.extraWorkdays ?? []).forEach((day, at) => date(problems, `/calendar/extraWorkdays/${at}`, day));
  unique(problems, '/items', scenario.items);
  unique(problems, '/boms', scenario.boms);
  unique(problems, '/supplies', scenario.supplies);
  unique(problems, '/demands', scenario.demands);
  scenario.items.forEach((item, at) => problems.push(...itemProblems(item, `/items/${at}`)));
  scenario.boms.forEach((bom, at) => problems.push(...bomProblems(bom, `/boms/${at}`)));
  scenario.supplies.forEach((supply, at) => problems.push(...supplyProblems(supply, `/supplies/${at}`)));
  scenario.demands.forEach((demand, at) => problems.push(...demandProblems(demand, `/demands/${at}`)));
  return problems;
}

export function itemProblems(item: MrpItem, pointer: string): FieldError[] {
  const problems: FieldError[] = [];
  const sizing = item.lotSizing;
  if (sizing?.method === 'fixed' && sizing.qty === undefined) problems.push({ pointer: `${pointer}/lotSizing/qty`, code: 'required', message: 'fixed lot sizing needs qty' });
  if (sizing?.method === 'period' && sizing.periods === undefined) problems.push({ pointer: `${pointer}/lotSizing/periods`, code: 'required', message: 'period lot sizing needs periods' });
  if (sizing?.min !== undefined && sizing.max !== undefined && sizing.min > sizing.max) {
    problems.push({ pointer: `${pointer}/lotSizing/min`, code: 'range', message: 'must not be above max' });
  }
  return problems;
}

export function bomProblems(bom: MrpBom, pointer: string): FieldError[] {
  const problems: FieldError[] = [];
  if (bom.effectiveFrom !== undefined) date(problems, `${pointer}/effectiveFrom`, bom.effectiveFrom);
  if (bom.effectiveTo !== undefined) date(problems, `${pointer}/effectiveTo`, bom.effectiveTo);
  if (bom.effectiveFrom !== undefined && bom.effectiveTo !== undefined && bom.effectiveTo < bom.effectiveFrom) {
    problems.push({ pointer: `${pointer}/effectiveTo`, code: 'range', message: 'must not be before effectiveFrom' });
  }
  const primaries = new Set<number>();
  const seen = new Set<number>();
  bom.lines.forEach((line, at) => {
    if (seen.has(line.lineNo)) problems.push({ pointer: `${pointer}/lines/${at}/lineNo`, code: 'unique', message: `line ${line.lineNo} appears twice` });
    seen.add(line.lineNo);
    if (line.substituteFor === undefined) primaries.add(line.lineNo);
  });
  bom.lines.forEach((line, at) => {
    if (line.substituteFor !== undefined && !primaries.has(line.substituteFor)) {
      problems.push({ pointer: `${pointer}/lines/${at}/substituteFor`, code: 'reference', message: `no primary line ${line.substituteFor} in this BOM` });
    }
  });
  return problems;
}

export function supplyProblems(supply: MrpOpenSupply, pointer: string): FieldError[] {
  const problems: FieldError[] = [];
  date(problems, `${pointer}/due`, supply.due);
  return problems;
}

export function demandProblems(demand: MrpDemand, pointer: string): FieldError[] {
  const problems: FieldError[] = [];
  date(problems, `${pointer}/due`, demand.due);
  if (demand.periodStart !== undefined) date(problems, `${pointer}/periodStart`, demand.periodStart);
  return problems;
}

export function throwIfProblems(problems: readonly FieldError[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((problem) => `${problem.pointer} ${problem.message}`);
  throw new OrdoError('ORDO_ERR_MRP_SCENARIO_INVALID', `The MRP scenario is invalid: ${shown.join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`, {
    fields: problems,
  });
}

function date(problems: FieldError[], pointer: string, text: string): void {
  if (parseDay(text) === undefined) problems.push({ pointer, code: 'format', message: `"${text}" is not a calendar day (YYYY-MM-DD)` });
}

function unique(problems: FieldError[], pointer: string, records: readonly { readonly id: string }[]): void {
  const seen = new Set<string>();
  records.forEach((record, at) => {
    if (seen.has(record.id)) problems.push({ pointer: `${pointer}/${at}/id`, code: 'unique', message: `id ${record.id} appears twice` });
    seen.add(record.id);
  });
}
