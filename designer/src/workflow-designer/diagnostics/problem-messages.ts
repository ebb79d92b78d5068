import type { LocalizedText } from '../../../../engine/definitions/generated/definition-types.js';

/**
 * The canvas's own wording of the problems a designer meets while drawing; every other problem
 * keeps the engine's English message (formulas, references), which names fields and values.
 */
export function problemMessage(code: string, state: string | undefined, detail: string): LocalizedText | string {
  const name = state ?? '';
  switch (code) {
    case 'unreachableState':
      return { 'zh-CN': `没有任何流转能到达“${name}”`, en: `Nothing leads to "${name}"` };
    case 'deadEnd':
      return { 'zh-CN': `“${name}”不是结束节点，却没有出口：流程会停在这里`, en: `"${name}" is not an end, yet has no way out: the workflow would stop here` };
    case 'missingTarget':
      return { 'zh-CN': '这条流转没有目标节点', en: 'This transition goes nowhere: choose its target' };
    case 'invalidGuard':
      return { 'zh-CN': `条件公式有误：${detail}`, en: `The condition does not compile: ${detail}` };
    case 'guardOnOutcome':
      return { 'zh-CN': '审批结果、函数结果和等待结束的流转不能带条件', en: 'An outcome (a decision, a function result, a wait) takes no condition' };
    case 'unknownState':
      return { 'zh-CN': `目标节点不存在：${detail}`, en: `The target does not exist: ${detail}` };
    case 'duplicateState':
      return { 'zh-CN': '节点名称重复：节点名称在整个流程中必须唯一', en: 'Two states have this name; names are unique across the workflow' };
    case 'unknownDepartment':
      return { 'zh-CN': `应用中没有这个部门：${detail}`, en: `The app has no such department: ${detail}` };
    case 'notDepartmentField':
      return { 'zh-CN': `按字段取部门时，字段必须是部门字段：${detail}`, en: `A department taken from a field needs a department field: ${detail}` };
    default:
      return detail;
  }
}
