import { DefinitionListPage, NewDefinitionDialog } from '../definition-drafts/index.js';
import { newReport, reportText } from './report-model.js';
import '../form-designer/form-designer.css';

/** Every report a designer may open. */
export function DesignerReportsPage() {
  return (
    <DefinitionListPage
      kind="report"
      messages={{ title: 'reportDesigner.list.title', subtitle: 'reportDesigner.list.subtitle', empty: 'reportDesigner.list.empty', create: 'reportDesigner.new' }}
      open={(id) => ({ page: 'report-designer', id })}
      newDialog={(taken, onClose) => (
        <NewDefinitionDialog
          kind="report"
          taken={taken}
          messages={{ heading: 'reportDesigner.new', titleZh: 'reportDesigner.titleZh', titleEn: 'reportDesigner.titleEn', key: 'reportDesigner.newId', exists: 'reportDesigner.exists' }}
          draftText={(id, title) => reportText(newReport(id, title))}
          open={(id) => ({ page: 'report-designer', id })}
          onClose={onClose}
        />
      )}
    />
  );
}
