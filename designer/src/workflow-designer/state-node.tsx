import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import type { PseudoFlowNode, StateFlowNode } from './flow-elements.js';
import { KindIcon } from './kind-icon.js';
import { isJson, type GraphState } from './workflow-graph.js';


function isText(value: unknown): value is LocalizedText {
  return isJson(value) && typeof value.en === 'string' && typeof value['zh-CN'] === 'string';
}

/** The line under a state's title: who a task goes to and how, the function called, the timer's wait. */
function useDetail(state: GraphState): string | null {
  const { t } = useI18n();
  const { task, invoke, wait, spawn } = state.node;
  if (isJson(task)) {
    const count = Array.isArray(task.assignees) ? task.assignees.length : 0;
    const mode = typeof task.mode === 'string' ? task.mode : 'single';
    const due = isJson(task.due) && typeof task.due.after === 'string' ? ` · ${task.due.after}` : '';
    return `${t(`wd.mode.${mode as 'single'}`)} · ${t('wd.node.assignees', { count })}${due}`;
  }
  if (isJson(invoke)) return String(invoke.function ?? '');
  if (isJson(wait)) return typeof wait.after === 'string' ? t('wd.node.waitAfter', { after: wait.after }) : t('wd.node.waitField', { field: String(wait.untilField ?? '') });
  if (isJson(spawn)) return String(spawn.workflow ?? '') || t('wd.node.noChild');
  return null;
}

function Marks({ data }: { data: StateFlowNode['data'] }) {
  const { marks } = data;
  if (marks === undefined || marks.errors + marks.warnings === 0) return null;
  return (
    <span className={marks.errors > 0 ? 'wd-node-mark is-error' : 'wd-node-mark'} title={marks.messages.join('\n')} data-testid="wd-node-problem">
      {marks.errors + marks.warnings}
    </span>
  );
}

function classes(data: StateFlowNode['data'], selected: boolean, base: string): string {
  const list = [base, `wd-kind-${data.state.kind}`];
  if (selected) list.push('is-selected');
  if (data.active) list.push('is-active');
  if (data.marks !== undefined && data.marks.errors > 0) list.push('has-error');
  return list.join(' ');
}

/** A state on the canvas: kind icon, title and name, a detail line; drag from its bottom edge to connect. */
export const StateNodeView = memo(function StateNodeView({ data, selected }: NodeProps<StateFlowNode>) {
  const { t, text } = useI18n();
  const { state } = data;
  const detail = useDetail(state);
  const title = isText(state.node.title) ? text(state.node.title) : state.name;
  return (
    <div className={classes(data, selected, 'wd-node')} data-testid={`wd-node-${state.name}`} data-kind={state.kind}>
      <Handle type="target" position={Position.Top} className="wd-handle-target" isConnectableStart={false} />
      <div className="wd-node-head">
        <KindIcon kind={state.kind} />
        <span className="wd-node-title">{title}</span>
        <Marks data={data} />
      </div>
      <div className="wd-node-line">
        <span className="wd-node-kind">{t(`wd.kind.${state.kind}`)}</span>
        <span className="wd-node-name">{detail ?? state.name}</span>
      </div>
      {data.initial ? <span className="wd-node-initial">{t('wd.node.initial')}</span> : null}
      {state.kind === 'final' ? null : <Handle type="source" position={Position.Bottom} className="wd-handle wd-handle-source" />}
    </div>
  );
});

/** A compound state: a frame holding its children, with its own transitions (such as `onDone`). */
export const GroupNodeView = memo(function GroupNodeView({ data, selected }: NodeProps<StateFlowNode>) {
  const { t, text } = useI18n();
  const { state } = data;
  return (
    <div className={classes(data, selected, 'wd-group')} data-testid={`wd-node-${state.name}`} data-kind={state.kind}>
      <Handle type="target" position={Position.Top} className="wd-handle-target" isConnectableStart={false} />
      <div className="wd-group-head">
        <KindIcon kind={state.kind} />
        <span className="wd-node-title">{isText(state.node.title) ? text(state.node.title) : state.name}</span>
        <span className="wd-node-kind">{t(`wd.kind.${state.kind}`)}</span>
        <Marks data={data} />
      </div>
      <Handle type="source" position={Position.Bottom} className="wd-handle wd-handle-source" />
    </div>
  );
});

/** The start marker and the "any state" box holding the workflow-wide events (cancel). */
export const PseudoNodeView = memo(function PseudoNodeView({ data }: NodeProps<PseudoFlowNode>) {
  const { t } = useI18n();
  if (data.kind === 'start') {
    return (
      <div className="wd-start" title={t('wd.node.start')} data-testid="wd-start">
        ▶
        <Handle type="source" position={Position.Bottom} className="wd-handle-hidden" isConnectable={false} />
      </div>
    );
  }
  return (
    <div className="wd-any" data-testid="wd-any-state">
      <span>{t('wd.node.anyState')}</span>
      <Handle type="source" position={Position.Bottom} className="wd-handle-hidden" isConnectable={false} />
    </div>
  );
});
