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

const COMPILE_OPTIONS = Object.freeze({
  // A misspelt helper is an error when the template is validated, not a blank on the printout.
  knownHelpers: Object.fromEntries(PRINT_HELPER_NAMES.map((name) => [name, true])),
  knownHelpersOnly: true,
  noEscape: false,
  strict: false,
});

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
    environment.precompile(source, COMPILE_OPTIONS);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Compiles a template once; rendering escapes every value and refuses prototype access. */
export function compilePrintTemplate(source: string): PrintTemplate {
  const problem = printTemplateProblem(source);
  if (problem !== undefined) throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `print template: ${problem}`);
  const template = environment.compile<PrintContext>(source, COMPILE_OPTIONS);
  return (context, vocabulary) => {
    try {
      return template(context, { ...RUNTIME_OPTIONS, data: { ordo: vocabulary } });
    } catch (error) {
      throw new OrdoError('ORDO_ERR_PRINT_TEMPLATE_FAILED', `The print template failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}
