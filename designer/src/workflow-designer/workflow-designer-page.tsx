import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../api/index.js';
import { DraftButtons, DraftNotices, DraftTitle, isTyping, useDefinitionDraft, useDraftActions, useUndoKeys } from '../definition-drafts/index.js';
import { translate, useI18n } from '../i18n/index.js';
import { describeFailure, RetryNotice, useDefinitions } from '../shell/index.js';
import { prepareElk } from './canvas-layout.js';
import { ConnectDialog, type ConnectRequest } from './connect-dialog.js';
import { diagnoseWorkflowDraft } from './diagnostics/index.js';
import type { EdgeLabel } from './flow-elements.js';
import { newStateNode, type PaletteKind } from './new-state.js';
import { problemMarks, type PlacedProblem } from './problem-marks.js';
import { readText } from './property-inputs.js';
import { DesignerSidePanel, type SideTab } from './side-panel.js';
import { useDesignContext } from './use-design-context.js';
import { WorkflowCanvas, type CanvasSelection } from './workflow-canvas.js';
import { workflowCodec } from './workflow-codec.js';
import { addState, connectChoices, connectSlot, deleteState, deleteTransition, freeName, renameEvent, renameState, updateNode, updateRoot, updateTransition, type ConnectChoice } from './workflow-edits.js';
import { isJson, type GraphEdge, type WorkflowGraph } from './workflow-graph.js';
import { WorkflowPalette } from './workflow-palette.js';
import '../form-designer/form-designer.css';
import './workflow-designer.css';

const CHECK_DELAY_MS = 300;

function shorten(text: string, length = 28): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The workflow designer: palette | canvas | side panel (properties, problems, simulation, JSON). */
export function WorkflowDesignerPage({ id }: { id: string }) {
  const { t, text, locale } = useI18n();
  const draft = useDefinitionDraft('workflow', id, workflowCodec);
  const graph = draft.model;
  const definitions = useDefinitions();
  const { form } = definitions;
  const context = useDesignContext(String(graph.root.form), id);
  const [selection, setSelection] = useState<CanvasSelection>(null);
  const [tab, setTab] = useState<SideTab>('properties');
  const [connect, setConnect] = useState<ConnectRequest | null>(null);
  const [layoutRequest, setLayoutRequest] = useState(0);
  const [fitRequest, setFitRequest] = useState(0);
  const addAtCenter = useRef<((kind: PaletteKind) => void) | null>(null);
  const [publishProblems, setPublishProblems] = useState<readonly PlacedProblem[]>([]);
  // The server's reasons for refusing a publish are marked on the canvas like the designer's own checks.
  const actions = useDraftActions(draft, {
    onPublished: () => setPublishProblems([]),
    onFailure: (error) => {
      if (!isApiError(error) || error.fieldErrors.length === 0) return;
      setPublishProblems(error.fieldErrors.map((problem) => ({ pointer: problem.pointer, message: problem.message, severity: 'error' })));
      setTab('problems');
    },
  });
  useUndoKeys(draft);
  // ELK's worker loads while the draft is fetched, for the layout that replaces the quick one.
  useEffect(() => {
    prepareElk().catch(() => undefined);
  }, []);

  const [activeStates, setActiveStates] = useState<ReadonlySet<string>>(() => new Set());
  // Checked as you build, once typing pauses: a keystroke in a title must not wait for the whole check.
  const [checkedText, setCheckedText] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setCheckedText(draft.text), checkedText === '' ? 0 : CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft.text, checkedText]);
  const diagnostics = useMemo(() => (checkedText === '' ? [] : diagnoseWorkflowDraft(checkedText, definitions)), [checkedText, definitions]);
  const problems = useMemo<readonly PlacedProblem[]>(() => {
    const found: PlacedProblem[] = diagnostics.map((problem) => ({
      pointer: problem.pointer,
      message: typeof problem.message === 'string' ? problem.message : text(problem.message),
      severity: problem.severity,
      ...(problem.statePath === undefined ? {} : { statePath: problem.statePath }),
    }));
    const seen = new Set(found.map((problem) => problem.pointer));
    return [...found, ...publishProblems.filter((problem) => !seen.has(problem.pointer))];
  }, [diagnostics, publishProblems, text]);
  const marks = useMemo(() => problemMarks(problems), [problems]);
  const onActiveStates = useCallback((paths: string[]) => setActiveStates(new Set(paths.map((path) => path.split('.').at(-1)!))), []);
  const chooseTab = useCallback((next: SideTab) => {
    setTab(next);
    if (next !== 'simulation') setActiveStates(new Set());
  }, []);

  const stateTitle = useCallback(
    (name: string) => {
      const state = graph.states.find((candidate) => candidate.name === name);
      return state === undefined ? name : text(readText(state.node.title, name));
    },
    [graph, text],
  );

  const edgeLabel = useCallback<EdgeLabel>(
    (edge) => {
      const { transition, slot } = edge;
      let label: string;
      if (slot.kind === 'on') label = isJson(transition.title) ? text(readText(transition.title, slot.event)) : slot.event;
      else if (slot.kind === 'always') label = typeof transition.guard === 'string' ? '' : t('wd.edge.otherwise');
      else if (slot.kind === 'timer') {
        const source = graph.states.find((state) => state.name === edge.source)?.node.wait;
        label = `${t('wd.edge.kind.timer')} ${isJson(source) ? String(source.after ?? source.untilField ?? '') : ''}`;
      } else label = t(`wd.edge.kind.${slot.kind}`);
      const parts = [label];
      if (typeof transition.guard === 'string') parts.push(`[${shorten(transition.guard)}]`);
      if (Array.isArray(transition.roles) && transition.roles.length > 0) parts.push(`⚑${transition.roles.length}`);
      if (Array.isArray(transition.actions) && transition.actions.length > 0) parts.push(`⚡${transition.actions.length}`);
      return parts.filter((part) => part !== '').join(' ');
    },
    [graph, t, text],
  );

  const setGraph = useCallback(
    (next: WorkflowGraph) => {
      draft.setModel(next);
      setPublishProblems([]);
    },
    [draft],
  );

  const onAdd = useCallback(
    (kind: PaletteKind, parent: string | null) => {
      const name = freeName(graph, kind);
      const key = `wd.kind.${kind}` as const;
      const title = { 'zh-CN': translate('zh-CN', key), en: translate('en', key) };
      const role = context.roles.find((candidate) => candidate.id !== 'admin')?.id ?? 'admin';
      const child = context.workflows[0];
      setGraph(addState(graph, name, newStateNode(kind, { title, role, fn: context.functions?.[0]?.name, child: child === undefined ? undefined : { workflow: child.id, form: child.form, firstField: child.firstField } }), parent));
      setSelection({ type: 'state', name });
      setTab('properties');
    },
    [context, graph, setGraph],
  );

  const onConnect = useCallback(
    (source: string, target: string) => {
      const choices = connectChoices(graph.states.find((state) => state.name === source));
      if (choices.length > 0) setConnect({ source, target, choices });
    },
    [graph],
  );

  function finishConnect(choice: ConnectChoice) {
    if (connect === null) return;
    const next = connectSlot(graph, connect.source, choice, { target: connect.target });
    setGraph(next);
    setConnect(null);
    const added = next.edges.filter((edge) => edge.source === connect.source && edge.target === connect.target && !graph.edges.some((old) => old.id === edge.id && old.target === edge.target));
    const last = added.at(-1);
    if (last !== undefined) setSelection({ type: 'edge', id: last.id });
  }

  const selectedState = selection?.type === 'state' ? graph.states.find((state) => state.name === selection.name) : undefined;
  const selectedEdge: GraphEdge | undefined = selection?.type === 'edge' ? graph.edges.find((edge) => edge.id === selection.id) : undefined;

  const deleteSelection = useCallback(() => {
    if (selectedState !== undefined && graph.states.some((state) => state.parent === null && state.name !== selectedState.name)) {
      setGraph(deleteState(graph, selectedState.name));
      setSelection(null);
    } else if (selectedEdge !== undefined) {
      setGraph(deleteTransition(graph, selectedEdge));
      setSelection(null);
    }
  }, [graph, selectedEdge, selectedState, setGraph]);

  // Delete removes the selection; in a text box the key edits the text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey) return;
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      deleteSelection();
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deleteSelection]);

  if (draft.load.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (draft.load.status === 'failed') return <RetryNotice message={describeFailure(draft.load.error, locale)} onRetry={() => window.location.reload()} />;

  const formDefinition = form(String(graph.root.form));
  return (
    <div className="fd-page wd-page" data-testid="workflow-designer">
      <header className="fd-header">
        <DraftTitle back={{ page: 'designer-workflows' }} backLabel="wd.back" title={text(readText(graph.root.title, id))} draft={draft} />
        <div className="wd-toolbar">
          <button type="button" className="btn" onClick={() => setLayoutRequest((count) => count + 1)} data-testid="wd-layout">
            {t('wd.toolbar.layout')}
          </button>
          <button type="button" className="btn" onClick={() => setFitRequest((count) => count + 1)} data-testid="wd-fit">
            {t('wd.toolbar.fit')}
          </button>
        </div>
        <DraftButtons draft={draft} actions={actions} />
      </header>
      <DraftNotices actions={actions} />
      <div className={tab === 'simulation' || tab === 'json' ? 'wd-workspace is-wide' : 'wd-workspace'}>
        <WorkflowPalette onAdd={(kind) => addAtCenter.current?.(kind)} />
        <WorkflowCanvas
          graph={graph}
          marks={marks}
          activeStates={activeStates}
          selection={selection}
          edgeLabel={edgeLabel}
          onSelect={setSelection}
          onConnect={onConnect}
          onAdd={onAdd}
          layoutRequest={layoutRequest}
          fitRequest={fitRequest}
          addAtCenter={addAtCenter}
          savedLayout={draft.savedLayout}
          onLayout={draft.setLayout}
        />
        <DesignerSidePanel
          tab={tab}
          onTab={chooseTab}
          onActiveStates={onActiveStates}
          graph={graph}
          context={context}
          formTitle={formDefinition === undefined ? String(graph.root.form) : text(formDefinition.title)}
          selectedState={selectedState}
          selectedEdge={selectedEdge}
          stateTitle={stateTitle}
          problems={problems}
          onShow={(name) => setSelection({ type: 'state', name })}
          onRoot={(root) => setGraph(updateRoot(graph, () => root))}
          onStateChange={(name, node) => setGraph(updateNode(graph, name, () => node))}
          onRename={(from, to) => {
            setGraph(renameState(graph, from, to));
            setSelection({ type: 'state', name: to });
          }}
          onTransitionChange={(edge, transition) => setGraph(updateTransition(graph, edge, transition))}
          onRenameEvent={(edge, event) => {
            const next = renameEvent(graph, edge, event);
            setGraph(next);
            const moved = next.edges.filter((candidate) => candidate.source === edge.source && candidate.slot.kind === 'on' && candidate.slot.event === event).at(-1);
            setSelection(moved === undefined ? null : { type: 'edge', id: moved.id });
          }}
          onDelete={deleteSelection}
          canDeleteState={selectedState !== undefined && graph.states.some((state) => state.parent === null && state.name !== selectedState.name)}
          text={draft.text}
          jsonError={draft.jsonError}
          onText={draft.setText}
        />
      </div>
      {connect !== null ? <ConnectDialog request={connect} fromTitle={stateTitle(connect.source)} toTitle={stateTitle(connect.target)} onConnect={finishConnect} onCancel={() => setConnect(null)} /> : null}
    </div>
  );
}
