import type { LocalizedText } from '../../../../engine/definitions/generated/definition-types.js';
import type { SimulatedEffect, StepCause } from '../../../../engine/workflows/simulation/index.js';
import type { MessageId } from '../../i18n/messages-en.js';
import type { MessageParams } from '../../i18n/translate.js';
import type { SimLabels } from './sim-labels.js';

type Translate = (id: MessageId, params?: MessageParams) => string;
type Text = (value: LocalizedText | undefined, fallback?: string) => string;

/** A value as the trail shows it: text as is, blanks as a dash, the rest as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function fieldsText(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([field, value]) => `${field} = ${valueText(value)}`)
    .join(', ');
}

/** What caused a step, in one line. */
export function causeText(cause: StepCause, labels: SimLabels, t: Translate): string {
  switch (cause.kind) {
    case 'start':
      return t('sim.cause.start', { user: labels.person(cause.user) });
    case 'event':
      return t('sim.cause.event', { event: labels.event(cause.event) });
    case 'decision':
      return t(cause.decision === 'approve' ? 'sim.cause.approved' : 'sim.cause.rejected', { user: labels.person(cause.user), state: labels.state(cause.node) });
    case 'timer':
      return t(cause.timer.kind === 'task-remind' ? 'sim.cause.remind' : cause.timer.kind === 'task-due' ? 'sim.cause.due' : 'sim.cause.wait', { state: labels.state(cause.timer.node) });
    case 'invocation':
      return t(cause.outcome === 'done' ? 'sim.cause.invocationDone' : 'sim.cause.invocationError', { fn: cause.function });
    case 'child-ended':
      return t('sim.cause.childEnded', { state: labels.state(cause.node) });
    case 'edit':
      return t('sim.cause.edit', { fields: cause.fields.join(', ') });
  }
}

/** One line per effect: who is told what, which record is written, which timer is set. */
export function effectText(effect: SimulatedEffect, labels: SimLabels, t: Translate, text: Text): string {
  const people = (users: readonly string[]) => users.map(labels.person).join(', ');
  switch (effect.kind) {
    case 'notify':
      return t(`sim.effect.${effect.notification}`, { users: people(effect.users), message: text(effect.message) });
    case 'task-opened':
      return effect.dueAt === undefined
        ? t('sim.effect.taskOpened', { state: labels.state(effect.node), users: people(effect.users) })
        : t('sim.effect.taskOpenedDue', { state: labels.state(effect.node), users: people(effect.users), time: labels.time(effect.dueAt) });
    case 'reassigned':
      return t('sim.effect.reassigned', { state: labels.state(effect.node), users: people(effect.users) });
    case 'create-record':
      return t('sim.effect.createRecord', { form: effect.form, fields: fieldsText(effect.data) });
    case 'update-record':
      return t('sim.effect.updateRecord', { form: effect.form, record: effect.record, fields: fieldsText(effect.fields) });
    case 'emit':
      return t('sim.effect.emit', { event: effect.event, fields: fieldsText(effect.data) });
    case 'invoke':
      return t('sim.effect.invoke', { fn: effect.function, fields: fieldsText(effect.input) });
    case 'spawn':
      return t('sim.effect.spawn', { count: effect.children.length, workflow: effect.workflow });
    case 'cancel-children':
      return t('sim.effect.cancelChildren', { count: effect.children.length, event: effect.event });
    case 'timer-set':
      return t(effect.timer.kind === 'task-remind' ? 'sim.effect.remindSet' : effect.timer.kind === 'task-due' ? 'sim.effect.dueSet' : 'sim.effect.waitSet', {
        state: labels.state(effect.timer.node),
        time: labels.time(effect.timer.dueAt),
      });
    case 'timers-dropped':
      return t('sim.effect.timersDropped', { state: labels.state(effect.node), count: effect.count });
  }
}

/** The effect's kind for its icon and colour in the trail. */
export function effectTone(effect: SimulatedEffect): 'notice' | 'task' | 'record' | 'timer' | 'other' {
  if (effect.kind === 'notify') return 'notice';
  if (effect.kind === 'task-opened' || effect.kind === 'reassigned') return 'task';
  if (effect.kind === 'create-record' || effect.kind === 'update-record' || effect.kind === 'emit') return 'record';
  if (effect.kind === 'timer-set' || effect.kind === 'timers-dropped') return 'timer';
  return 'other';
}
