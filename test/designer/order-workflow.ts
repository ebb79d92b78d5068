import type { WorkflowDefinition } from '../../engine/definitions/generated/definition-types.js';
import { text } from './order-definition.js';

/** A small sales-order workflow the designer's workflow tests share: a task, a native call, a nested approval. */
export const ORDER_WORKFLOW: WorkflowDefinition = {
  kind: 'workflow',
  id: 'order-flow',
  version: 1,
  title: text('Order flow', '订单流程'),
  form: 'sales-order',
  start: { roles: ['sales'] },
  initial: 'draft',
  on: { cancel: { target: 'cancelled', title: text('Cancel', '取消订单') }, 'change-request': { target: 'review' } },
  states: {
    draft: {
      title: text('Draft', '草稿'),
      on: {
        submit: [
          { target: 'review', guard: 'urgent' },
          { target: 'review', title: text('Submit', '提交审核') },
        ],
      },
    },
    review: {
      title: text('Review', '订单审核'),
      task: { assignees: [{ role: 'manager' }], onApproved: { target: 'feasibility' }, editableFields: ['notes'] },
    },
    feasibility: {
      title: text('Feasibility', '交期评估'),
      invoke: { function: 'ctp.promise', onDone: { target: 'approval' }, onError: { target: 'review' } },
    },
    approval: {
      title: text('Approval', '订单审批'),
      initial: 'confirm',
      states: {
        confirm: { title: text('Rep confirms', '销售代表确认交期'), task: { assignees: [{ field: 'owner' }], onApproved: { target: 'deciding' } } },
        deciding: { title: text('Engineering signs', '工程会签'), task: { assignees: [{ role: 'engineer' }], mode: 'all', onApproved: { target: 'approved' } } },
        approved: { type: 'final' },
      },
      onDone: { target: 'released' },
    },
    released: { title: text('Released', '已下达'), type: 'final' },
    cancelled: { type: 'final' },
  },
};
