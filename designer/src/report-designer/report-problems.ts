import type { FieldError } from '../../../engine/errors/index.js';
import { isMessageId, type I18n } from '../i18n/index.js';

/**
 * A planner problem in the reader's language, by its stable code (engine/reports report-problem.ts);
 * the server's English message says which field or key, so it follows in brackets. Codes the
 * catalogue does not word (a meta-schema keyword) show the message as it came.
 */
export function problemText(problem: Pick<FieldError, 'code' | 'message'>, t: I18n['t']): string {
  const id = `reportDesigner.problem.${problem.code}`;
  return isMessageId(id) ? `${t(id)} (${problem.message})` : problem.message;
}
