import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext } from './design-context.js';
import { KindIcon } from './kind-icon.js';
import { ChildProperties, FunctionProperties, TimerProperties } from './node-properties.js';
import { CommitInput, readText } from './property-inputs.js';
import { TaskProperties } from './task-properties.js';
import { STATE_NAME } from './workflow-edits.js';
import { isJson, type GraphState, type Json } from './workflow-graph.js';

export interface StatePropertiesProps {
  readonly state: GraphState;
  readonly taken: ReadonlySet<string>;
  readonly context: DesignContext;
  readonly onChange: (node: Json) => void;
  readonly onRename: (name: string) => void;
  readonly onDelete: (() => void) | null;
}

/** The selected state: title, key (renamed everywhere), and what its kind needs edited. */
export function StateProperties({ state, taken, context, onChange, onRename, onDelete }: StatePropertiesProps) {
  const { t } = useI18n();
  const { node } = state;
  const part = (key: string) => (value: Json) => onChange({ ...node, [key]: value });
  return (
    <div className="fd-props" data-testid="wd-state-props">
      <div className="wd-kind-line">
        <KindIcon kind={state.kind} />
        <strong>{t(`wd.kind.${state.kind}`)}</strong>
      </div>
      <LocalizedTextInputs value={readText(node.title, state.name)} onChange={(title) => onChange({ ...node, title })} labels={[t('wd.field.titleZh'), t('wd.field.titleEn')]} testId="wd-state-title" />
      <Prop label={t('wd.field.name')} hint={t('wd.field.nameHint')}>
        <CommitInput
          value={state.name}
          onCommit={onRename}
          check={(next) => (!STATE_NAME.test(next) || next.length > 63 ? t('wd.field.badName') : taken.has(next) ? t('wd.field.nameTaken') : null)}
          testId="wd-state-name"
        />
      </Prop>
      {isJson(node.task) ? <TaskProperties task={node.task} onChange={part('task')} context={context} /> : null}
      {isJson(node.wait) ? <TimerProperties wait={node.wait} onChange={part('wait')} /> : null}
      {isJson(node.invoke) ? <FunctionProperties invoke={node.invoke} onChange={part('invoke')} context={context} /> : null}
      {isJson(node.spawn) ? <ChildProperties spawn={node.spawn} onChange={part('spawn')} context={context} /> : null}
      <div className="wd-danger-zone">
        <button type="button" className="btn btn-danger-ghost" disabled={onDelete === null} title={onDelete === null ? t('wd.deleteLast') : undefined} onClick={onDelete ?? undefined} data-testid="wd-delete-state">
          {t('wd.deleteState')}
        </button>
      </div>
    </div>
  );
}
