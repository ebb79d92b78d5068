import { useState } from 'react';
import { DefinitionListPage, NewDefinitionDialog } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { useDefinitions } from '../shell/index.js';
import { emptyWorkflow } from './workflow-codec.js';
import '../form-designer/form-designer.css';
import './workflow-designer.css';

/** A new workflow also names the form its records come from. */
function NewWorkflowDialog({ taken, onClose }: { taken: readonly string[]; onClose: () => void }) {
  const { t, text } = useI18n();
  const { forms } = useDefinitions();
  const [form, setForm] = useState('');
  return (
    <NewDefinitionDialog
      kind="workflow"
      taken={taken}
      messages={{ heading: 'wd.list.new', titleZh: 'wd.field.titleZh', titleEn: 'wd.field.titleEn', key: 'wd.list.newId', exists: 'wd.list.exists' }}
      draftText={(id, title) => `${JSON.stringify(emptyWorkflow(id, form, title), null, 2)}\n`}
      open={(id) => ({ page: 'workflow-designer', id })}
      onClose={onClose}
      ready={form !== ''}
      extra={
        <label className="fd-prop">
          <span className="fd-prop-label">{t('wd.list.form')}</span>
          <select value={form} onChange={(event) => setForm(event.target.value)} data-testid="new-workflow-form">
            <option value="">{t('wd.list.chooseForm')}</option>
            {forms.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {text(entry.title)}
              </option>
            ))}
          </select>
        </label>
      }
    />
  );
}

/** Every workflow a designer may open, each with the form it runs on. */
export function DesignerWorkflowsPage() {
  const { t, text } = useI18n();
  return (
    <DefinitionListPage
      kind="workflow"
      messages={{ title: 'wd.list.title', subtitle: 'wd.list.subtitle', empty: 'wd.list.empty', create: 'wd.list.new' }}
      open={(id) => ({ page: 'workflow-designer', id })}
      newDialog={(taken, onClose) => <NewWorkflowDialog taken={taken} onClose={onClose} />}
      describe={(entry) => (entry.form === undefined ? null : t('wd.list.on', { form: text(entry.form.title) }))}
    />
  );
}
