import { lazy, Suspense } from 'react';
import { LoginPage, useSession } from './auth/index.js';
import { useI18n } from './i18n/index.js';
import { PlanningPage } from './planning/index.js';
import { HistoryPage, ListPage, NewRecordPage, RecordPage } from './records/index.js';
import { DashboardPage, ReportCatalogProvider, ReportPage } from './reports/index.js';
import { useRoute, type Route } from './routing/index.js';
import { DefinitionsProvider, HomePage, Layout, useDefinitions } from './shell/index.js';
import { InboxPage, TaskPage } from './workflows/index.js';

/** The form designer loads when a designer opens it: staff never download it. */
const DesignerFormsPage = lazy(() => import('./form-designer/index.js').then((module) => ({ default: module.DesignerFormsPage })));
const FormDesignerPage = lazy(() => import('./form-designer/index.js').then((module) => ({ default: module.FormDesignerPage })));
/** The workflow designer (canvas, layout engine) likewise loads only for designers. */
const DesignerWorkflowsPage = lazy(() => import('./workflow-designer/index.js').then((module) => ({ default: module.DesignerWorkflowsPage })));
const WorkflowDesignerPage = lazy(() => import('./workflow-designer/index.js').then((module) => ({ default: module.WorkflowDesignerPage })));

/** The report designer, likewise only for designers. */
const DesignerReportsPage = lazy(() => import('./report-designer/index.js').then((module) => ({ default: module.DesignerReportsPage })));
const ReportDesignerPage = lazy(() => import('./report-designer/index.js').then((module) => ({ default: module.ReportDesignerPage })));

/** The scheduling page (Gantt, what-if, dispatch lists) loads when a planner opens it, not with the app. */
const SchedulingPage = lazy(() => import('./scheduling/index.js').then((module) => ({ default: module.SchedulingPage })));

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  const { form } = useDefinitions();
  if (route.page === 'home') return <HomePage />;
  if (route.page === 'not-found') return <p className="notice notice-error">{t('error.notFound')}</p>;
  if (route.page === 'inbox') return <InboxPage key={route.box} box={route.box} />;
  if (route.page === 'task') return <TaskPage key={route.id} id={route.id} />;
  if (route.page === 'planning') return <PlanningPage view={route.view} salesOrder={route.salesOrder} />;
  if (route.page === 'scheduling') {
    return (
      <Suspense fallback={<div className="page-state">{t('app.loading')}</div>}>
        <SchedulingPage view={route.view} workCenter={route.workCenter} />
      </Suspense>
    );
  }
  if (route.page === 'designer-forms' || route.page === 'form-designer') {
    return (
      <Suspense fallback={<div className="page-state">{t('app.loading')}</div>}>
        {route.page === 'form-designer' ? <FormDesignerPage key={route.id} id={route.id} /> : <DesignerFormsPage />}
      </Suspense>
    );
  }
  if (route.page === 'designer-workflows' || route.page === 'workflow-designer') {
    return (
      <Suspense fallback={<div className="page-state">{t('app.loading')}</div>}>
        {route.page === 'workflow-designer' ? <WorkflowDesignerPage key={route.id} id={route.id} /> : <DesignerWorkflowsPage />}
      </Suspense>
    );
  }
  if (route.page === 'designer-reports' || route.page === 'report-designer') {
    return (
      <Suspense fallback={<div className="page-state">{t('app.loading')}</div>}>
        {route.page === 'report-designer' ? <ReportDesignerPage key={route.id} id={route.id} /> : <DesignerReportsPage />}
      </Suspense>
    );
  }
  if (route.page === 'dashboard') return <DashboardPage key={route.id} id={route.id} />;
  if (route.page === 'report') return <ReportPage key={route.id} id={route.id} />;
  const definition = form(route.form);
  if (!definition) return <p className="notice notice-error">{t('error.formNotFound', { form: route.form })}</p>;
  switch (route.page) {
    case 'list':
      return <ListPage key={definition.id} definition={definition} search={route.search} />;
    case 'new':
      return <NewRecordPage key={definition.id} definition={definition} />;
    case 'record':
      return <RecordPage key={`${definition.id}/${route.id}`} definition={definition} id={route.id} />;
    case 'history':
      return <HistoryPage key={`${definition.id}/${route.id}`} definition={definition} id={route.id} />;
  }
}

export function App() {
  const { state } = useSession();
  const { t } = useI18n();
  const route = useRoute();
  if (state.status === 'checking') return <div className="page-state">{t('app.loading')}</div>;
  if (state.status === 'signed-out') return <LoginPage expired={state.expired} />;
  return (
    <DefinitionsProvider>
      <ReportCatalogProvider>
        <Layout route={route}>
          <Page route={route} />
        </Layout>
      </ReportCatalogProvider>
    </DefinitionsProvider>
  );
}
