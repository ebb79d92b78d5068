import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { ActionsEditor } from './action-editor.js';
import type { DesignContext } from './design-context.js';
import { GuardInput } from './guard-input.js';
import { Checklist, CommitInput, readText } from './property-inputs.js';
import { put } from './task-properties.js';
import { isEventName } from './workflow-edits.js';
import { ANY_STATE, type GraphEdge, type GraphState, type Json } from './workflow-graph.js';

export interface TransitionPropertiesProps {
  readonly edge: GraphEdge;
  readonly states: readonly GraphState[];
  readonly context: DesignContext;
  readonly stateTitle: (name: string) => string;
  readonly onChange: (transition: Json) => void;
  readonly onRenameEvent: (event: string) => void;
  readonly onDelete: () => void;
}

/** The selected arrow: its event, where it goes, its condition, who may send it, and the actions run on the way. */
export function TransitionProperties({ edge, states, context, stateTitle, onChange, onRenameEvent, onDelete }: TransitionPropertiesProps) {
  const { t } = useI18n();
  const { transition, slot } = edge;
  const roles = Array.isArray(transition.roles) ? transition.roles.filter((role): role is string => typeof role === 'string') : [];
  const hasTitle = transition.title !== undefined;
  return (
    <div className="fd-props" data-testid="wd-edge-props">
      <div className="wd-kind-line">
        <strong>{t(`wd.edge.kind.${slot.kind}`)}</strong>
        <span className="muted">
          {t('wd.edge.from')} {edge.source === ANY_STATE ? t('wd.node.anyState') : stateTitle(edge.source)}
        </span>
      </div>
      {slot.kind === 'on' ? (
        <Prop label={t('wd.edge.event')} hint={t('wd.edge.eventHint')}>
          <CommitInput value={slot.event} onCommit={onRenameEvent} check={(next) => (isEventName(next) ? null : t('wd.edge.badEvent'))} testId="wd-edge-event" />
        </Prop>
      ) : null}
      <Prop label={t('wd.edge.target')}>
        <select value={edge.target ?? ''} onChange={(event) => onChange(put(transition, 'target', event.target.value || undefined))} data-testid="wd-edge-target">
          <option value="">{t('wd.edge.noTarget')}</option>
          {states.map((state) => (
            <option key={state.name} value={state.name}>
              {stateTitle(state.name)} ({state.name})
            </option>
          ))}
        </select>
      </Prop>
      {slot.kind === 'on' || hasTitle ? (
        <LocalizedTextInputs
          value={readText(transition.title, slot.kind === 'on' ? slot.event : '')}
          onChange={(title: LocalizedText) => onChange({ ...transition, title })}
          labels={[t('wd.field.titleZh'), t('wd.field.titleEn')]}
          testId="wd-edge-title"
        />
      ) : null}
      {slot.kind === 'on' || slot.kind === 'always' || transition.guard !== undefined ? (
        <Prop label={t('wd.edge.guard')} hint={t('wd.edge.guardHint')}>
          <GuardInput value={typeof transition.guard === 'string' ? transition.guard : ''} onChange={(guard) => onChange(put(transition, 'guard', guard.trim() === '' ? undefined : guard))} context={context} />
        </Prop>
      ) : null}
      {slot.kind === 'on' ? (
        <Prop label={t('wd.edge.roles')} hint={roles.length === 0 ? t('wd.edge.anyone') : undefined}>
          <Checklist options={context.roles} chosen={roles} onChange={(next) => onChange(put(transition, 'roles', next.length > 0 ? next : undefined))} testId="wd-edge-roles" />
        </Prop>
      ) : null}
      <ActionsEditor transition={transition} onChange={onChange} context={context} />
      <div className="wd-danger-zone">
        <button type="button" className="btn btn-danger-ghost" onClick={onDelete} data-testid="wd-delete-edge">
          {t('wd.deleteTransition')}
        </button>
      </div>
    </div>
  );
}
