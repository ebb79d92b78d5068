import Handlebars from 'handlebars';
import { OrdoError } from '../errors/index.js';
import { PRINT_HELPERS, PRINT_HELPER_NAMES } from './print-helpers.js';
import type { PrintVocabulary } from './print-vocabulary.js';

/** What a print template sees: the reader's view of one record and the records related to it. */
export interface PrintContext {
  readonly record: {
    readonly id: string;
    readonly revision: number;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly createdByName: string;
    readonly updatedByName: string;
  };
  /** The record's data with only the fields the reader may see. */
  readonly data: Readonly<Record<string, unknown>>;
  /** `related.<as>`: the data of each related record found (null when none). */
  readonly related: Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;
  readonly printedAt: string;
  readonly printedBy: string;
}

export type PrintTemplate = (context: PrintContext, vocabulary: PrintVocabulary) => string;

// One private environment: templates cannot register helpers or partials that leak into others.
const environment = Handlebars.create();
environment.registerHelper(PRINT_HELPERS as unknown as Record<string, Handlebars.HelperDelegate>);

// Fresh each time: handlebars writes into the options object it is given.
function compileOptions(): Parameters<typeof Handlebars.compile>[1] {
  return {
    // A misspelt helper is an error when the template is validated, not a blank on the printout.
    knownHelpers: Object.fromEntries(PRINT_HELPER_NAMES.map((name) => [name, true])),
    knownHelpersOnly: true,
    noEscape: false,
    strict: false,
  };
}

// Stated even though they are handlebars' defaults since 4.6: printing must never walk into
// constructor, __proto__ or prototype methods whatever a later default becomes.
const RUNTIME_OPTIONS = Object.freeze({
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
});

/** Why a template source cannot be used (a syntax error or an unknown helper), or undefined. */
export function printTemplateProblem(source: string): string | undefined {
  try {
    environment.precompile(source, compileOptions());
    return refusedConstruct(environment.parse(source));
  } catch (error) {
    return describeProblem(error instanceof Error ? error.message : String(error));
  }
}

/** Compiles a template once; rendering escapes every value and refuses prototype access. */
export function compilePrintTemplate(source: string): PrintTemplate {
  const problem = printTemplateProblem(source);
  if (problem !== undefined) throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `print template: ${problem}`);
  const template = environment.compile<PrintContext>(source, compileOptions());
  return (context, vocabulary) => {
    try {
      return template(context, { ...RUNTIME_OPTIONS, data: { ordo: vocabulary } });
    } catch (error) {
      throw new OrdoError('ORDO_ERR_PRINT_TEMPLATE_FAILED', `The print template failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}

/**
 * Handlebars' parse errors span lines: the place, a copy of the source line, a caret, what it
 * expected. One line with the place and the expectation reads well in `ordo validate`.
 */
function describeProblem(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length <= 1) return lines[0] ?? message;
  return `${lines[0]} ${lines[lines.length - 1]}`;
}

/**
 * Triple braces (`{{{x}}}`, `{{& x}}`) would print record data as markup, partials and decorators
 * would reach outside the template: a print template may use none of them.
 */
function refusedConstruct(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const problem = refusedConstruct(child);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const { type, escaped, loc } = node as { type?: unknown; escaped?: unknown; loc?: { start?: { line?: number } } };
  const where = `line ${loc?.start?.line ?? '?'}`;
  if (type === 'MustacheStatement' && escaped === false) return `${where}: unescaped output ({{{ }}} or {{& }}) is not allowed; use {{ }}`;
  if (type === 'PartialStatement' || type === 'PartialBlockStatement') return `${where}: partials are not allowed`;
  if (type === 'DecoratorBlock' || type === 'Decorator') return `${where}: decorators are not allowed`;
  return refusedConstruct(Object.values(node).filter((value) => typeof value === 'object'));
}
