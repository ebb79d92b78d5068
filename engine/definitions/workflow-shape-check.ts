import type { ErrorObject } from 'ajv/dist/2020.js';
import generated from './generated/workflow-meta-validator.js';
import { schemaProblemsOf, type SchemaProblem } from './meta-schema-errors.js';

/** ajv's standalone code sets `errors` on the function after each call; its inferred type does not say so. */
const validateWorkflow = generated as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

/**
 * The workflow meta-schema check of `ordo validate`, through ajv's standalone code: the same
 * problems, with no `new Function`, so the browser may run it under the server's CSP.
 */
export function checkWorkflowShape(value: unknown): SchemaProblem[] {
  if (validateWorkflow(value)) return [];
  return schemaProblemsOf(validateWorkflow.errors ?? []);
}
