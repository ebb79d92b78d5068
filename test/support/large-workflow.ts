/**
 * A workflow of 60 states for the designer bench (issue 7's quality bar): a chain on the shipped
 * purchase-requisition form where every third state is an approval task (approved: on, rejected:
 * back to the first state), the others wait for an event, and the last is final.
 */
export const LARGE_WORKFLOW_ID = 'designer-bench-60';
export const LARGE_WORKFLOW_STATES = 60;

export function largeStateName(index: number): string {
  return `s${String(index).padStart(2, '0')}`;
}

export function largeWorkflowDefinition(states = LARGE_WORKFLOW_STATES, id = LARGE_WORKFLOW_ID): Record<string, unknown> {
  const byName: Record<string, unknown> = {};
  for (let index = 1; index <= states; index += 1) {
    const title = { 'zh-CN': `步骤 ${index}`, en: `Step ${index}` };
    const next = largeStateName(index + 1);
    if (index === states) byName[largeStateName(index)] = { title, type: 'final' };
    else if (index % 3 === 0) {
      byName[largeStateName(index)] = {
        title,
        task: {
          title: { 'zh-CN': `审批 ${index}`, en: `Approve ${index}` },
          assignees: [{ role: 'production-manager' }],
          onApproved: { target: next },
          onRejected: { target: largeStateName(1) },
        },
      };
    } else byName[largeStateName(index)] = { title, on: { next: { target: next, title: { 'zh-CN': '下一步', en: 'Next' }, roles: ['buyer'] } } };
  }
  return {
    kind: 'workflow',
    id,
    version: 1,
    title: { 'zh-CN': '六十步流程', en: 'Sixty-step workflow' },
    form: 'purchase-requisition',
    start: { roles: ['buyer'] },
    initial: largeStateName(1),
    states: byName,
  };
}
