import { describe, expect, it } from 'vitest';
import { compileLiveForm } from '../../engine/forms/model/index.js';
import { applySimulation, startSimulation } from '../../engine/workflows/simulation/index.js';
import { translate } from '../../designer/src/i18n/translate.js';
import type { MessageId } from '../../designer/src/i18n/messages-en.js';
import type { MessageParams } from '../../designer/src/i18n/translate.js';
import { personLabel, simulationSetup } from '../../designer/src/workflow-designer/simulation/simulation-setup.js';
import { causeText, effectText, valueText } from '../../designer/src/workflow-designer/simulation/trail-text.js';
import type { SimLabels } from '../../designer/src/workflow-designer/simulation/sim-labels.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';

const loaded = await loadDefinitions(shippedDefinitionsDir);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const { app, forms, workflows } = loaded.definitions;
const ncr = workflows.find((workflow) => workflow.id === 'ncr');
const text = (value: { 'zh-CN': string; en: string } | undefined, fallback = '') => value?.['zh-CN'] ?? fallback;
const t = (id: MessageId, params?: MessageParams) => translate('zh-CN', id, params);
const labels: SimLabels = {
  state: (path) => path,
  event: (name) => (name === 'submit' ? '提交' : name),
  person: (user) => personLabel(user, app, text, (who) => t('sim.managerOf', { user: who })),
  role: (id) => id,
  time: (iso) => iso.slice(11, 16),
};

describe('the simulator\'s setup', () => {
  it('compiles a draft that would publish, with its form', () => {
    const prepared = simulationSetup(ncr, forms, workflows, 'ma.lin');
    expect(prepared.ok && prepared.form.id).toBe('ncr');
    expect(prepared.ok && prepared.setup.initiator).toBe('ma.lin');
  });

  it('refuses a draft with problems, counting them, and one whose form is not published', () => {
    expect(simulationSetup({ ...ncr, initial: 'nowhere' }, forms, workflows, 'ma.lin')).toEqual({ ok: false, reason: 'invalid', problems: 1 });
    expect(simulationSetup({ kind: 'workflow' }, forms, workflows, 'ma.lin')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(simulationSetup({ ...ncr, form: 'ghost' }, forms, workflows, 'ma.lin')).toEqual({ ok: false, reason: 'noForm', problems: 1 });
  });
});

describe('the trail\'s wording', () => {
  it('names stand-ins by role title and manager, people by name', () => {
    expect(labels.person('role:quality-engineer')).toBe(text(app?.roles.find((role) => role.id === 'quality-engineer')?.title));
    expect(labels.person('manager:rep-liu')).toBe('rep-liu 的上级');
    expect(labels.person('zhang.wei')).toBe('zhang.wei');
  });

  it('words a submit of a critical NCR: the cause, the notice and the task with its due time', () => {
    const prepared = simulationSetup(ncr, forms, workflows, 'ma.lin');
    if (!prepared.ok) throw new Error('ncr does not compile');
    const form = forms.find((candidate) => candidate.id === 'ncr');
    const setup = { ...prepared.setup, ...(form === undefined ? {} : { form: compileLiveForm(form) }) };
    const started = startSimulation(setup, { record: { severity: 'critical', description: 'crack' }, at: '2026-11-24T02:00:00.000Z' });
    const step = applySimulation(setup, started, { kind: 'event', event: 'submit' }).trail.at(-1);
    if (step === undefined) throw new Error('no step');
    expect(causeText(step.cause, labels, t)).toBe('事件“提交”');
    const lines = step.effects.map((effect) => effectText(effect, labels, t, text));
    expect(lines[0]).toMatch(/^通知 生产经理, 质量工程师：发现严重不合格/);
    expect(lines).toContain('任务“containment”交给 质量工程师，截止 02:00');
    expect(lines).toContain('“containment”提醒时间设为 22:00');
  });

  it('shows blanks as a dash and structured values as JSON', () => {
    expect([valueText(null), valueText(''), valueText('x'), valueText(3), valueText(true), valueText(['a'])]).toEqual(['—', '—', 'x', '3', 'true', '["a"]']);
  });
});
