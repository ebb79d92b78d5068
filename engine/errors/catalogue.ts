/**
 * The one catalogue of Ordo's problem codes. Every error that leaves the engine or the API carries
 * one of these codes; docs/errors.md documents each (a test fails when one is missing there).
 *
 * `class` follows the user / operational / unexpected split: user errors are the caller's to fix
 * and are not logged as failures; operational and unexpected ones are logged and answered with 5xx.
 */
export type ErrorClass = 'user' | 'operational' | 'unexpected';

export interface ErrorSpec {
  readonly status: number;
  readonly class: ErrorClass;
  readonly title: { readonly en: string; readonly 'zh-CN': string };
}

function spec(status: number, errorClass: ErrorClass, en: string, zh: string): ErrorSpec {
  return Object.freeze({ status, class: errorClass, title: Object.freeze({ en, 'zh-CN': zh }) });
}

export const ERROR_CATALOGUE = Object.freeze({
  ORDO_ERR_BAD_REQUEST: spec(400, 'user', 'The request could not be read', '请求无法解析'),
  ORDO_ERR_REQUEST_INVALID: spec(400, 'user', 'The request does not have the expected shape', '请求格式不正确'),
  ORDO_ERR_UNAUTHENTICATED: spec(401, 'user', 'Sign in first', '请先登录'),
  ORDO_ERR_LOGIN_FAILED: spec(401, 'user', 'Wrong user name or password', '用户名或密码错误'),
  ORDO_ERR_SESSION_EXPIRED: spec(401, 'user', 'Your session has expired; sign in again', '会话已过期，请重新登录'),
  ORDO_ERR_FORBIDDEN: spec(403, 'user', 'You are not allowed to do this', '您没有执行此操作的权限'),
  ORDO_ERR_FIELD_FORBIDDEN: spec(403, 'user', 'You may not change some of these fields', '您无权修改部分字段'),
  ORDO_ERR_NOT_FOUND: spec(404, 'user', 'No such resource', '资源不存在'),
  ORDO_ERR_FORM_NOT_FOUND: spec(404, 'user', 'No such form', '表单不存在'),
  ORDO_ERR_RECORD_NOT_FOUND: spec(404, 'user', 'No such record', '记录不存在'),
  ORDO_ERR_METHOD_NOT_ALLOWED: spec(405, 'user', 'This method is not allowed here', '不支持该请求方法'),
  ORDO_ERR_REVISION_CONFLICT: spec(409, 'user', 'Someone else changed this record first', '记录已被他人修改'),
  ORDO_ERR_IDEMPOTENCY_CONFLICT: spec(409, 'user', 'This idempotency key was used for a different request', '幂等键已用于另一个请求'),
  ORDO_ERR_DUPLICATE: spec(409, 'user', 'This already exists', '该项已存在'),
  ORDO_ERR_WORKFLOW_NOT_FOUND: spec(404, 'user', 'No such workflow or workflow instance', '流程或流程实例不存在'),
  ORDO_ERR_TASK_NOT_FOUND: spec(404, 'user', 'No such task', '任务不存在'),
  ORDO_ERR_TASK_NOT_ACTIVE: spec(409, 'user', 'This task is not waiting for you (any more)', '该任务当前不由您处理'),
  ORDO_ERR_INSTANCE_CONFLICT: spec(409, 'user', 'Someone else moved this workflow first', '流程已被他人推进'),
  ORDO_ERR_WORKFLOW_EVENT_REJECTED: spec(409, 'user', 'The workflow does not accept this action in its current state', '流程当前状态不接受此操作'),
  ORDO_ERR_WORKFLOW_RUNNING: spec(409, 'user', 'This record already has a running workflow of this kind', '该记录已有进行中的同类流程'),
  ORDO_ERR_WORKFLOW_STATE_UNKNOWN: spec(409, 'user', 'The workflow instance is in a state its definition version does not have', '流程实例所处状态在该定义版本中不存在'),
  ORDO_ERR_WORKFLOW_NO_ASSIGNEE: spec(422, 'user', 'Nobody can take this task', '该任务找不到处理人'),
  ORDO_ERR_FUNCTION_NOT_FOUND: spec(404, 'user', 'No such function', '函数不存在'),
  ORDO_ERR_FUNCTION_INPUT_INVALID: spec(400, 'user', 'The function input does not match its schema', '函数输入不符合其格式'),
  ORDO_ERR_PLAN_RUN_NOT_FOUND: spec(404, 'user', 'No such plan run (or no plan has been run yet)', '计划运行记录不存在（或尚未运行计划）'),
  ORDO_ERR_PLANNED_ORDER_FIRMED: spec(409, 'user', 'A planned order was already turned into a record', '计划订单已转为正式单据'),
  ORDO_ERR_BODY_TOO_LARGE: spec(413, 'user', 'The request body is too large', '请求内容过大'),
  ORDO_ERR_UNSUPPORTED_MEDIA_TYPE: spec(415, 'user', 'Send the body as application/json', '请以 application/json 格式提交'),
  ORDO_ERR_ATTACHMENT_NOT_FOUND: spec(404, 'user', 'No such attachment', '附件不存在'),
  ORDO_ERR_ATTACHMENT_TOO_LARGE: spec(413, 'user', 'The file is larger than an attachment may be', '文件超过附件大小上限'),
  ORDO_ERR_ATTACHMENT_TYPE: spec(415, 'user', 'Files of this type cannot be attached', '不支持上传此类型的文件'),
  ORDO_ERR_ATTACHMENT_EMPTY: spec(400, 'user', 'The file is empty', '文件内容为空'),
  ORDO_ERR_VALIDATION: spec(422, 'user', 'Some fields are not valid', '部分字段填写有误'),
  ORDO_ERR_DEFINITION_INVALID: spec(422, 'user', 'The definition is not valid', '定义无效'),
  ORDO_ERR_EXPRESSION_SYNTAX: spec(422, 'user', 'The formula cannot be read', '公式语法错误'),
  ORDO_ERR_EXPRESSION_TYPE: spec(422, 'user', 'The formula mixes incompatible types or names an unknown field', '公式类型错误或引用了不存在的字段'),
  ORDO_ERR_EXPRESSION_BUDGET: spec(422, 'user', 'The formula took too many steps and was stopped', '公式计算步骤过多，已中止'),
  ORDO_ERR_EXPRESSION_RUNTIME: spec(422, 'user', 'The formula failed while computing', '公式计算出错'),
  ORDO_ERR_SCHEDULE_INSTANCE_INVALID: spec(422, 'user', 'The scheduling instance file cannot be read', '排程算例文件无法解析'),
  ORDO_ERR_SCHEDULE_MODEL_INVALID: spec(422, 'user', 'The shop model cannot be scheduled as given', '车间模型无法按给定内容排程'),
  ORDO_ERR_MRP_SCENARIO_INVALID: spec(400, 'user', 'The planning scenario does not have the expected shape', '计划数据格式不正确'),
  ORDO_ERR_RATE_LIMITED: spec(429, 'user', 'Too many requests; try again shortly', '请求过于频繁，请稍后再试'),
  ORDO_ERR_DATABASE_UNAVAILABLE: spec(503, 'operational', 'The database is not reachable', '数据库暂不可用'),
  ORDO_ERR_UNSAFE_DATABASE_ROLE: spec(500, 'operational', 'The database role has superuser rights', '数据库账号权限过高'),
  ORDO_ERR_INTERNAL: spec(500, 'unexpected', 'Something went wrong on the server', '服务器内部错误'),
  ORDO_ERR_SCHEDULE_RUN_NOT_FOUND: spec(404, 'user', 'No such schedule run (or no schedule is committed yet)', '排程记录不存在（或尚无已提交的排程）'),
  ORDO_ERR_SCHEDULE_STALE: spec(409, 'user', 'The committed schedule changed since this run was made', '该排程生成后已提交的排程发生了变化'),
  ORDO_ERR_SCHEDULE_NOT_COMMITTABLE: spec(409, 'user', 'A what-if run is never committed', '假设分析结果不能提交'),
  ORDO_ERR_SCHEDULE_MOVE_INFEASIBLE: spec(409, 'user', 'The operation cannot go there', '工序无法移到该位置'),
  ORDO_ERR_REPORT_NOT_FOUND: spec(404, 'user', 'No such report or dashboard', '报表或仪表板不存在'),
  ORDO_ERR_REPORT_PARAMETERS_INVALID: spec(400, 'user', 'The report parameters are not valid', '报表参数无效'),
  ORDO_ERR_REPORT_DRILL_INVALID: spec(400, 'user', 'The row to drill into does not match the report', '下钻的行与报表不符'),
  ORDO_ERR_EXPORT_TOO_LARGE: spec(422, 'user', 'Too many rows to export at once; narrow the filters', '导出行数过多，请缩小筛选范围'),
  ORDO_ERR_PRINT_TEMPLATE_NOT_FOUND: spec(404, 'user', 'No such print template for this form', '该表单没有此打印模板'),
  ORDO_ERR_PRINT_TEMPLATE_FAILED: spec(422, 'user', 'The print template failed while rendering', '打印模板渲染失败'),
  ORDO_ERR_PDF_UNAVAILABLE: spec(503, 'operational', 'PDF printing is not available on this server', '服务器暂不支持生成 PDF'),
  ORDO_ERR_DRAFT_INVALID: spec(400, 'user', 'The draft is not a valid definition yet', '草稿还不是有效的定义'),
  ORDO_ERR_DRAFT_CONFLICT: spec(409, 'user', 'Someone else saved this draft after you opened it', '草稿在您打开后已被他人保存'),
});

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}
