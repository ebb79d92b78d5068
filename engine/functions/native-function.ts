import type { LocalizedText } from '../definitions/generated/definition-types.js';

/**
 * A built-in function workflows invoke, the API exposes and the designer offers: pure, given its
 * input and the clock, with JSON Schemas that say what goes in and what comes out.
 */
export interface NativeFunction {
  readonly name: string;
  readonly title: LocalizedText;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly outputSchema: Readonly<Record<string, unknown>>;
  run(input: Readonly<Record<string, unknown>>, context: { readonly now: Date }): Record<string, unknown>;
}
