import { DefinitionListPage, NewDefinitionDialog } from '../definition-drafts/index.js';
import { definitionText } from './field-model.js';
import { emptyForm } from './use-form-draft.js';

/** Every form a designer may open. */
export function DesignerFormsPage() {
  return (
    <DefinitionListPage
      kind="form"
      messages={{ title: 'designer.forms.title', subtitle: 'designer.forms.subtitle', empty: 'designer.forms.empty', create: 'designer.forms.new' }}
      open={(id) => ({ page: 'form-designer', id })}
      newDialog={(taken, onClose) => (
        <NewDefinitionDialog
          kind="form"
          taken={taken}
          messages={{ heading: 'designer.forms.new', titleZh: 'designer.formTitleZh', titleEn: 'designer.formTitleEn', key: 'designer.forms.newId', exists: 'designer.forms.exists' }}
          draftText={(id, title) => definitionText({ ...emptyForm(id), title })}
          open={(id) => ({ page: 'form-designer', id })}
          onClose={onClose}
        />
      )}
    />
  );
}
