import { useMemo } from 'react';
import { JsonView } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext } from './design-context.js';
import { placeProblem, type PlacedProblem } from './problem-marks.js';
import { WorkflowSimulator } from './simulation/index.js';
import { useDefinitions } from '../shell/index.js';
import { StateProperties } from './state-properties.js';
import { TransitionProperties } from './transition-properties.js';
import { WorkflowProperties } from './workflow-properties.js';
import { toDefinition, type GraphEdge, type GraphState, type Json, type WorkflowGraph } from './workflow-graph.js';

export const SIDE_TABS = ['properties', 'problems', 'simulation', 'json'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export interface DesignerSidePanelProps {
  readonly tab: SideTab;
  readonly onTab: (tab: SideTab) => void;
  readonly onActiveStates: (paths: string[]) => void;
  readonly graph: WorkflowGraph;
  readonly context: DesignContext;
  readonly formTitle: string;
  readonly selectedState: GraphState | undefined;
  readonly selectedEdge: GraphEdge | undefined;
  readonly stateTitle: (name: string) => string;
  readonly problems: readonly PlacedProblem[];
  readonly onShow: (state: string) => void;
  readonly onRoot: (root: Json) => void;
  readonly onStateChange: (name: string, node: Json) => void;
  readonly onRename: (from: string, to: string) => void;
  readonly onTransitionChange: (edge: GraphEdge, transition: Json) => void;
  readonly onRenameEvent: (edge: GraphEdge, event: string) => void;
  readonly onDelete: () => void;
  readonly canDeleteState: boolean;
  readonly text: string;
  readonly jsonError: string | null;
  readonly onText: (text: string) => void;
}

function Problems({ problems, onShow, stateTitle }: Pick<DesignerSidePanelProps, 'problems' | 'onShow' | 'stateTitle'>) {
  const { t } = useI18n();
  if (problems.length === 0) return <p className="wd-panel-empty">{t('wd.problems.none')}</p>;
  return (
    <ul className="wd-problem-list" data-testid="wd-problem-list">
      {problems.map((problem, index) => {
        const place = placeProblem(problem);
        return (
          <li key={index} className={problem.severity === 'error' ? 'wd-problem is-error' : 'wd-problem'}>
            <span className="wd-problem-message">{problem.message}</span>
            {place.state !== null ? (
              <button type="button" className="wd-problem-link" onClick={() => onShow(place.state!)}>
                {stateTitle(place.state)}
              </button>
            ) : (
              <code>{problem.pointer}</code>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Simulation({ graph, onActiveStates }: { graph: WorkflowGraph; onActiveStates: (paths: string[]) => void }) {
  const { forms } = useDefinitions();
  const definition = useMemo(() => toDefinition(graph), [graph]);
  return <WorkflowSimulator definition={definition} forms={forms} onActiveStates={onActiveStates} />;
}

/** The panel beside the canvas: what is selected, what is wrong, a dry run, and the definition's text. */
export function DesignerSidePanel(props: DesignerSidePanelProps) {
  const { t } = useI18n();
  const { tab, onTab, graph, context, selectedState, selectedEdge, problems } = props;
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <aside className="fd-properties wd-side" aria-label={t(`wd.tab.${tab}`)}>
      <div className="wd-side-tabs" role="tablist">
        {SIDE_TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'wd-side-tab is-active' : 'wd-side-tab'} onClick={() => onTab(name)} data-testid={`wd-tab-${name}`}>
            {t(`wd.tab.${name}`)}
            {name === 'problems' && problems.length > 0 ? <span className={errorCount > 0 ? 'wd-count is-error' : 'wd-count'}>{problems.length}</span> : null}
          </button>
        ))}
      </div>
      <div className="wd-side-body">
        {tab === 'properties' && selectedState !== undefined ? (
          <>
            <h2 className="fd-panel-title">{t('wd.props.state')}</h2>
            <StateProperties
              key={selectedState.name}
              state={selectedState}
              taken={new Set(graph.states.map((state) => state.name))}
              context={context}
              onChange={(node) => props.onStateChange(selectedState.name, node)}
              onRename={(name) => props.onRename(selectedState.name, name)}
              onDelete={props.canDeleteState ? props.onDelete : null}
            />
          </>
        ) : null}
        {tab === 'properties' && selectedEdge !== undefined ? (
          <>
            <h2 className="fd-panel-title">{t('wd.props.transition')}</h2>
            <TransitionProperties
              key={selectedEdge.id}
              edge={selectedEdge}
              states={graph.states}
              context={context}
              stateTitle={props.stateTitle}
              onChange={(transition) => props.onTransitionChange(selectedEdge, transition)}
              onRenameEvent={(event) => props.onRenameEvent(selectedEdge, event)}
              onDelete={props.onDelete}
            />
          </>
        ) : null}
        {tab === 'properties' && selectedState === undefined && selectedEdge === undefined ? (
          <>
            <h2 className="fd-panel-title">{t('wd.props.workflow')}</h2>
            <WorkflowProperties graph={graph} context={context} formTitle={props.formTitle} onChange={props.onRoot} />
          </>
        ) : null}
        {tab === 'problems' ? <Problems problems={problems} onShow={props.onShow} stateTitle={props.stateTitle} /> : null}
        {tab === 'simulation' ? <Simulation graph={graph} onActiveStates={props.onActiveStates} /> : null}
        {tab === 'json' ? <JsonView text={props.text} error={props.jsonError} hint="designer.jsonHint" onChange={props.onText} /> : null}
      </div>
    </aside>
  );
}
