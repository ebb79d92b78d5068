import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { useDefinitionDraft, type DefinitionDraftState, type DraftCodec } from '../definition-drafts/index.js';
import { definitionText, fromDefinition, type DesignForm } from './field-model.js';

export function emptyForm(id: string): DesignForm {
  return { id, version: 1, title: { 'zh-CN': id, en: id }, fields: [], rest: {}, ui: {} };
}

const formCodec: DraftCodec<DesignForm> = {
  parse: (text) => fromDefinition(JSON.parse(text) as FormDefinition),
  print: definitionText,
  empty: emptyForm,
  withVersion: (model, version) => ({ ...model, version }),
};

/** The form being designed: its draft, read into the designer's field model. */
export function useFormDraft(id: string): DefinitionDraftState<DesignForm> {
  return useDefinitionDraft('form', id, formCodec);
}
