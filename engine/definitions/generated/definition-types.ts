/* This file is generated from engine/definitions/meta-schemas by `ordo gen-types`. Do not edit it:
 * change the schema and regenerate. A test fails when it is stale. */
/**
 * Kebab-case identifier of a definition, unique within its kind.
 */
export type DefinitionId = string;
/**
 * `member`: a string, the user name of one of the app's users (a user picker). `department`: a string, the id of a department of the app definition. `attachments`: an array of uploaded files `{id, name, size, type}`; the engine supplies `items`, so the field schema gives none (at most `maxItems`). Attachments are top-level fields only.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "OrdoFieldKind".
 */
export type OrdoFieldKind = 'member' | 'department' | 'attachments';
/**
 * A field of the form: a top-level property name, or `subTable.column` for a column of a sub-table.
 */
export type FieldPath = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldWidth".
 */
export type FieldWidth = 'full' | 'half' | 'third';
/**
 * A formula in Ordo's expression language (Excel-style functions, field references).
 */
export type Expression = string;
export type RoleId = string;
/**
 * Kebab-case identifier of a definition, unique within its kind.
 */
export type DefinitionId1 = string;

/**
 * A form: the data schema of its records, how it is rendered, computed, checked and who may see what. `titleField` names a record in lists, lookups and history (e.g. the order number).
 */
export interface FormDefinition {
  $schema?: string;
  kind: 'form';
  id: DefinitionId;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  schema: DataSchema;
  /**
   * rjsf uiSchema (widgets, order, layout). Labels and help come from `labels` and `help`, never from here.
   */
  uiSchema?: {
    [k: string]: unknown;
  };
  layout?: FormLayout;
  /**
   * Field labels by field path (`customer`, `lines.qty`).
   */
  labels?: {
    [k: string]: LocalizedText;
  };
  /**
   * Help text under a field, by field path.
   */
  help?: {
    [k: string]: LocalizedText;
  };
  /**
   * Display labels of a choice field's values, by field path then value. The field's schema lists the values in `enum`; every value needs a label.
   */
  options?: {
    [k: string]: {
      [k: string]: LocalizedText;
    };
  };
  /**
   * Computed fields by field path; the value is a formula. A sub-table column's formula sees the fields of its own line.
   */
  computed?: {
    [k: string]: Expression;
  };
  /**
   * Initial values given by a formula, by field path: evaluated when a record is created without the field (e.g. the order date `TODAY()`). The person can change the value; a constant default belongs in the schema's `default`.
   */
  defaults?: {
    [k: string]: Expression;
  };
  /**
   * Conditional visibility, requiredness and read-only state of fields.
   *
   * @maxItems 500
   */
  rules?: FieldRule[];
  /**
   * Fields that pick a record of another form, by field path.
   */
  lookups?: {
    [k: string]: Lookup;
  };
  /**
   * Field permissions by field path. A field without an entry is readable and writable by every role that may use the form.
   */
  permissions?: {
    [k: string]: FieldPermission;
  };
  access?: FormAccess;
  /**
   * Per-field validation messages that replace the catalogue's, by field path then ajv keyword (`required`, `minimum`, `pattern`, ...).
   */
  messages?: {
    [k: string]: {
      [k: string]: LocalizedText;
    };
  };
  /**
   * Fields that receive an automatic code such as SO-2026-0001 when a record is created, by field path.
   */
  serials?: {
    [k: string]: Serial;
  };
  list?: ListView;
  titleField?: FieldPath;
  navGroup?: DefinitionId1;
}
/**
 * A text shown to people, in both of Ordo's languages.
 */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
/**
 * JSON Schema 2020-12 of a record's data: an object whose properties are the fields. Arrays of objects are sub-tables.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "DataSchema".
 */
export interface DataSchema {
  type: 'object';
  properties: {
    [k: string]: FieldSchema;
  };
  required?: string[];
  $data?: {
    [k: string]: unknown;
  };
}
/**
 * The JSON Schema of one field. Besides JSON Schema's own keywords, `x-ordo-field` marks the field types whose values JSON Schema alone cannot describe.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldSchema".
 */
export interface FieldSchema {
  'x-ordo-field'?: OrdoFieldKind;
  [k: string]: unknown;
}
/**
 * How the top-level fields sit on the form: sections (a title and a rule above a group of fields, or a plain divider) and each field's width in its row. Record pages, task forms, the designer's preview and a printed record page follow it; the field order stays `uiSchema`'s `ui:order`.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FormLayout".
 */
export interface FormLayout {
  /**
   * @maxItems 100
   */
  sections?: FormSection[];
  /**
   * Width of a top-level field in its row, by field name: `full` (the whole row), `half` or `third`. Without an entry a field takes half a row, a sub-table or multi-line text the whole row.
   */
  widths?: {
    [k: string]: FieldWidth;
  };
}
/**
 * A group of fields under a title, or a plain divider line without one. It starts right before the top-level field `before` and runs to the next section; without `before` it comes after the last field.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FormSection".
 */
export interface FormSection {
  id: string;
  title?: LocalizedText;
  before?: FieldPath;
}
/**
 * Conditional state of one field. `visible`: the field is shown (and validated) only while the formula holds; a hidden field is not required and its value is cleared unless keepValueWhenHidden is set. `required` / `readOnly`: while the formula holds. At least one of the three is given (checked by the loader).
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldRule".
 */
export interface FieldRule {
  field: FieldPath;
  visible?: Expression;
  required?: Expression;
  readOnly?: Expression;
  keepValueWhenHidden?: boolean;
}
/**
 * The field stores the id of a record of `form`; `fill` copies fields of the picked record into this form.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "Lookup".
 */
export interface Lookup {
  form: DefinitionId;
  displayField: FieldPath;
  searchFields?: FieldPath[];
  /**
   * Target field in this form (a sibling of the lookup field) -> source field of the picked record.
   */
  fill?: {
    [k: string]: FieldPath;
  };
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldPermission".
 */
export interface FieldPermission {
  /**
   * Only these roles see the field (admin always does).
   */
  read?: RoleId[];
  /**
   * Only these roles may change the field (admin always may).
   */
  write?: RoleId[];
}
/**
 * Which roles may read records of this form and which may create, update and delete them (admin always may). Absent: every signed-in user may read, nobody but admin may write.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FormAccess".
 */
export interface FormAccess {
  read?: RoleId[];
  create?: RoleId[];
  update?: RoleId[];
  delete?: RoleId[];
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "Serial".
 */
export interface Serial {
  /**
   * Text before the number; {YYYY}, {YY} and {MM} are replaced by the creation date, and the counter restarts with each new prefix.
   */
  prefix: string;
  digits: number;
}
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "ListView".
 */
export interface ListView {
  /**
   * @maxItems 30
   */
  columns?: FieldPath[];
  /**
   * Default sort: a field path, `-` in front for descending.
   */
  sort?: string;
  searchFields?: FieldPath[];
}

/**
 * An application package: its roles and the navigation over its forms.
 */
export interface AppDefinition {
  $schema?: string;
  kind: 'app';
  id: DefinitionId;
  version: number;
  title: LocalizedText;
  /**
   * @minItems 1
   */
  roles: [RoleDefinition, ...RoleDefinition[]];
  navigation: NavigationGroup[];
  /**
   * The organisation's departments, for department pickers and workflow assignees. `parent` names another department of this list; users belong to departments through their `departments`.
   *
   * @maxItems 1000
   */
  departments?: DepartmentDefinition[];
  /**
   * Who may call each native function through the API (`POST /api/functions/<name>`), besides admin. A function not listed here is for admin only; workflows invoke functions whatever these say.
   */
  functions?: {
    [k: string]: FunctionAccess;
  };
}
export interface RoleDefinition {
  id: RoleId;
  title: LocalizedText;
  /**
   * The role may publish definitions.
   */
  canDesign?: boolean;
}
export interface NavigationGroup {
  id?: DefinitionId1;
  title: LocalizedText;
  forms: DefinitionId[];
}
export interface DepartmentDefinition {
  id: string;
  title: LocalizedText;
  parent?: string;
  /**
   * The user name of the department's head (部门负责人), for the `{department, manager: true}` assignee; a department without one defers to its parent's.
   */
  manager?: string;
}
export interface FunctionAccess {
  roles: RoleId[];
}

/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StateName".
 */
export type StateName = string;
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Action".
 */
export type Action = SetFieldsAction | CreateRecordAction | UpdateRecordAction | NotifyAction | EmitAction;
/**
 * Who a task goes to: everyone with a role, one user, the user named in a field of the record (the order's sales rep), the user or users a formula gives, the manager of any of these, or the users of a department (named, or held by a department field of the record), optionally only those with a role, or the department's head.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export type Assignee =
  | {
      role: RoleId;
    }
  | {
      user: string;
    }
  | {
      field: string;
    }
  | {
      expression: Expression;
    }
  | {
      managerOf: Assignee;
    }
  | {
      department: string;
      role?: RoleId;
      manager?: true;
    }
  | {
      departmentOf: string;
      role?: RoleId;
      manager?: true;
    };
/**
 * An ISO 8601 duration of days, hours and minutes (`P2D`, `PT24H`, `P1DT4H`).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * A business event people or systems send (`submit`, `cancel`). Names of task actions (approve, reject, return, transfer, add-signer, withdraw) and names starting with `ordo.` or `xstate.` are reserved.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "EventName".
 */
export type EventName = string;

/**
 * A workflow: a statechart that drives the records of one form through states, user tasks (approvals), timers and native functions. State names are unique across the whole chart, so a transition names its target by that name alone. The workflow-level `on` lists events accepted in every state (cancel, change request), unless a state handles the same event itself; `form` is the form whose records it drives, one running instance per record.
 */
export interface WorkflowDefinition {
  $schema?: string;
  kind: 'workflow';
  id: DefinitionId;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  form: DefinitionId;
  start?: WorkflowStart;
  calendar?: BusinessCalendar;
  initial: StateName;
  on?: EventMap;
  states: StateMap;
}
export interface WorkflowStart {
  /**
   * Roles that may start the workflow on a record. Without it, anyone who may create records of the form.
   */
  roles?: RoleId[];
}
/**
 * Working days for due dates counted in business time. Durations skip days that are not working days.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "BusinessCalendar".
 */
export interface BusinessCalendar {
  /**
   * IANA time zone the working days are counted in.
   */
  timeZone?: string;
  /**
   * ISO weekday numbers, 1 = Monday … 7 = Sunday.
   *
   * @minItems 1
   */
  workdays?: [number, ...number[]];
  holidays?: string[];
  /**
   * Weekend days that are worked (调休).
   */
  extraWorkdays?: string[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "EventMap".
 */
export interface EventMap {
  [k: string]: Transition | [Transition, ...Transition[]];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface Transition {
  target?: StateName;
  guard?: Expression;
  /**
   * Roles that may send this event. Without it, anyone who may change the record.
   */
  roles?: RoleId[];
  actions?: Action[];
  title?: LocalizedText;
}
/**
 * Changes top-level fields of the workflow's record, in the step's transaction, with history.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SetFieldsAction".
 */
export interface SetFieldsAction {
  type: 'setFields';
  fields: FieldFormulas;
}
/**
 * Field name -> formula over the record's fields giving its new value (a text constant is written `"released"`).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FieldFormulas".
 */
export interface FieldFormulas {
  [k: string]: Expression;
}
/**
 * Creates a record of another form (a supplier corrective action request from an NCR).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "CreateRecordAction".
 */
export interface CreateRecordAction {
  type: 'createRecord';
  form: DefinitionId;
  data: FieldFormulas;
}
/**
 * Changes fields of another record (an ECO activates a BOM version), in the step's transaction, with history. `record` is a formula giving the record's id, usually a lookup field.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "UpdateRecordAction".
 */
export interface UpdateRecordAction {
  type: 'updateRecord';
  form: DefinitionId;
  record: Expression;
  fields: FieldFormulas;
}
/**
 * Puts a message in the inbox of the resolved people.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "NotifyAction".
 */
export interface NotifyAction {
  type: 'notify';
  /**
   * @minItems 1
   */
  to: [Assignee, ...Assignee[]];
  message: LocalizedText;
}
/**
 * Publishes a business event to the outbox for other systems, delivered at least once with the instance and sequence as its idempotency key.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "EmitAction".
 */
export interface EmitAction {
  type: 'emit';
  event: string;
  data?: FieldFormulas;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StateMap".
 */
export interface StateMap {
  [k: string]: StateNode;
}
/**
 * A state. With `states` it is compound (or parallel with `type: parallel`); with `task` it is a user task or approval; with `invoke` it calls a native function; with `wait` it is a durable timer; with `spawn` it starts child workflows and waits for them. `onDone` is taken when a compound state reaches a final child, or every region of a parallel state does.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StateNode".
 */
export interface StateNode {
  title?: LocalizedText;
  type?: 'parallel' | 'final';
  initial?: StateName;
  states?: StateMap;
  entry?: Action[];
  exit?: Action[];
  on?: EventMap;
  /**
   * Transitions taken as soon as their guard holds, without an event (a decision).
   *
   * @minItems 1
   */
  always?: [Transition, ...Transition[]];
  onDone?: Transition;
  task?: UserTask;
  invoke?: Invocation;
  wait?: Wait;
  spawn?: ChildWorkflows;
}
/**
 * A user task or approval node. `mode`: single (one of the assignees acts for all), sequential (one after another, in the order listed), all (countersign 会签: everyone approves, one rejection rejects), any (或签: the first decision counts), ratio (approved once `ratio` of the assignees approved; rejected once that can no longer happen). `onRejected` says where a rejection goes; without it, back to the workflow's initial state (the initiator).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "UserTask".
 */
export interface UserTask {
  title?: LocalizedText;
  /**
   * @minItems 1
   */
  assignees: [Assignee, ...Assignee[]];
  mode?: 'single' | 'sequential' | 'all' | 'any' | 'ratio';
  /**
   * Share of approvals needed in `ratio` mode, above 0 and at most 1.
   */
  ratio?: number;
  /**
   * Fields the assignee may change on the task form (per-node field permissions); the form engine validates them.
   */
  editableFields?: string[];
  /**
   * Which actions need a comment. Rejections and returns need one unless this says otherwise.
   */
  commentRequired?: 'never' | 'reject' | 'always';
  onApproved: Transition;
  onRejected?: Transition;
  /**
   * States an assignee may send the work back to (回退): `previous` (the last task before this one), `initiator` (the initial state), or named states already visited.
   */
  returnTo?: (('previous' | 'initiator') | StateName)[];
  allow?: TaskPermissions;
  /**
   * People told about the outcome (抄送).
   */
  cc?: Assignee[];
  due?: TaskDue;
}
export interface TaskPermissions {
  /**
   * 转交 to another user.
   */
  transfer?: boolean;
  /**
   * 加签: before, after, or (in all and ratio modes) beside oneself.
   */
  addSigner?: boolean;
  /**
   * 撤回 by the initiator until an assignee has acted.
   */
  withdraw?: boolean;
  /**
   * May be approved together with other tasks from the inbox.
   */
  batch?: boolean;
}
/**
 * When the task is due: a duration after it opens, or the date in a field; in business time when `businessTime`. Before and at the due time, Ordo reminds and escalates. Exactly one of `after` and `field`. `remindBefore` reminds the open assignees that long before the due time.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "TaskDue".
 */
export interface TaskDue {
  after?: Duration;
  field?: string;
  businessTime?: boolean;
  remindBefore?: Duration;
  onDue?: TaskEscalation;
}
/**
 * What happens at the due time: remind the assignees, notify others, reassign the open tasks, approve on their behalf (auto-submit) or return to the previous step (auto-return).
 */
export interface TaskEscalation {
  action: 'remind' | 'notify' | 'reassign' | 'approve' | 'return';
  /**
   * @minItems 1
   */
  to?: [Assignee, ...Assignee[]];
}
/**
 * Calls a native function (capable-to-promise, MRP) asynchronously; its result fields flow into the record. `output` maps record fields to properties of the function's result.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Invocation".
 */
export interface Invocation {
  function: string;
  /**
   * Input property -> formula over the record's fields.
   */
  input?: {
    [k: string]: Expression;
  };
  /**
   * Input property -> a list made from a sub-table of the record: one object per line of `forEach`, from `input` formulas that see the line's columns before the header's fields (as a spawn's `data` does). For functions that take an order's lines.
   */
  inputLists?: {
    [k: string]: InputList;
  };
  /**
   * Record field -> property of the function's result to copy into it.
   */
  output?: {
    [k: string]: string;
  };
  onDone: Transition;
  onError: Transition;
}
export interface InputList {
  forEach: string;
  input: {
    [k: string]: Expression;
  };
}
/**
 * A durable timer: the instance waits here until the time comes, then takes `then`. Exactly one of `after` and `untilField` (a date or date-time field of the record).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Wait".
 */
export interface Wait {
  after?: Duration;
  /**
   * A date or date-time field of the record to wait for.
   */
  untilField?: string;
  businessTime?: boolean;
  then: Transition;
}
/**
 * Starts child workflows, each on a new record of `form` made from the `data` formulas, and waits until every child has ended, then takes `onDone`. With `forEach` (a sub-table of this workflow's form) there is one child per line, and the formulas see the line's columns before the header's fields; without it, one child. `link` names the new record's field (a lookup to this form) that receives this record's id. If the parent leaves the state another way (a cancel), each child still running is sent `cancelEvent` by the workflow itself; without it, children keep running.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "ChildWorkflows".
 */
export interface ChildWorkflows {
  workflow: DefinitionId;
  form: DefinitionId;
  forEach?: string;
  link?: string;
  data: FieldFormulas;
  cancelEvent?: EventName;
  onDone: Transition;
}

export type ReportSource = FormSource | WorkflowSource | PlanRunSource;
/**
 * `data.<field>`, `line.<column>`, `<joinAs>.<field>`, or a system field (`id`, `createdAt`, `updatedAt`, `createdBy`; workflow and plan-run sources: see docs/reports.md).
 *
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "FieldRef".
 */
export type FieldRef = string;
/**
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "Name".
 */
export type Name = string;
/**
 * Kebab-case identifier of a definition, unique within its kind.
 */
export type DefinitionId2 = string;
/**
 * A query over records or workflow data, aggregated in the database: source, joins, filters, parameters, group-by, measures, and a chart spec.
 */
export interface ReportDefinition {
  $schema?: string;
  kind: 'report';
  id: DefinitionId;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  source: ReportSource;
  joins?: ReportJoin[];
  /**
   * A JSON Schema object for the filter form; defaults apply when a parameter is left out.
   */
  parameters?: {
    type: 'object';
    properties: {
      [k: string]: {} | boolean;
    };
    required?: string[];
    uiSchema?: {
      [k: string]: unknown;
    };
  };
  /**
   * Conditions every row meets: structured conditions, or formulas over the source's fields.
   */
  filters?: (ReportCondition | ReportFormulaFilter)[];
  groupBy?: ReportGroup[];
  /**
   * @minItems 1
   */
  measures: [ReportMeasure, ...ReportMeasure[]];
  sort?: ReportSort[];
  limit?: number;
  chart: ReportChart;
  drill?: ReportDrill;
  /**
   * Who may run it besides admin; everyone signed in when left out.
   */
  roles?: RoleId[];
}
export interface FormSource {
  form: DefinitionId;
  /**
   * A sub-table field: one row per line, its columns read as `line.<column>`.
   */
  lines?: string;
}
export interface WorkflowSource {
  workflow: 'instances' | 'tasks' | 'events';
  definition?: DefinitionId1;
}
/**
 * The latest stored MRP plan run: one row per exception or per planned order of its plan (no rows when nobody has planned yet).
 */
export interface PlanRunSource {
  planRun: 'exceptions' | 'plannedOrders';
}
export interface ReportJoin {
  /**
   * The prefix the joined form's fields are read under (`<as>.<field>`).
   */
  as: string;
  form: DefinitionId;
  /**
   * A lookup field on the source form (`data.<field>` or `line.<column>`) holding the joined record's id.
   */
  field: string;
  /**
   * Match the source field against this field of the joined form instead of its id (e.g. production orders whose item is the routing's item).
   */
  on?: string;
}
/**
 * Compares a field with a fixed value, a parameter (left out when the parameter is not given), another field, or today's date (Asia/Shanghai).
 *
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "Condition".
 */
export interface ReportCondition {
  field: FieldRef;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'between' | 'contains' | 'isNull' | 'notNull';
  value?: unknown;
  param?: Name;
  ref?: FieldRef;
  today?: true;
}
/**
 * A filter written as a formula over the source's fields by plain name (`qtyAffected > 10 AND severity <> "minor"`), compiled to SQL: comparisons, AND/OR/NOT, ISBLANK, + - * over numbers and TODAY() plus or minus days (docs/reports.md).
 *
 * This interface was referenced by `ReportDefinition`'s JSON-Schema
 * via the `definition` "FormulaFilter".
 */
export interface ReportFormulaFilter {
  formula: Expression;
}
export interface ReportGroup {
  field: FieldRef;
  /**
   * Date bucket, in Asia/Shanghai time; a week starts on Monday.
   */
  bucket?: 'day' | 'week' | 'month';
  as: Name;
  label?: LocalizedText;
}
export interface ReportMeasure {
  id: Name;
  agg: 'count' | 'sum' | 'avg' | 'min' | 'max' | 'countDistinct' | 'ratio';
  field?: FieldRef;
  /**
   * `data.<field>`, `line.<column>`, `<joinAs>.<field>`, or a system field (`id`, `createdAt`, `updatedAt`, `createdBy`; workflow and plan-run sources: see docs/reports.md).
   */
  times?: string;
  /**
   * Only rows meeting every condition count; for a ratio, the numerator (the denominator is every row, or the sum of `field`).
   */
  where?: ReportCondition[];
  label: LocalizedText;
  format?: 'number' | 'percent' | 'money' | 'duration';
}
export interface ReportSort {
  /**
   * A group's `as` or a measure's `id`.
   */
  by: string;
  dir?: 'asc' | 'desc';
}
export interface ReportChart {
  type: 'bar' | 'line' | 'pie' | 'table' | 'pivot' | 'kpi' | 'timeline';
  x?: Name;
  y?: Name[];
  series?: Name;
}
export interface ReportDrill {
  form: DefinitionId2;
  /**
   * @minItems 1
   */
  fields: [Name, ...Name[]];
}

/**
 * Reports and KPI cards laid out on a 12-column grid, with parameters they share.
 */
export interface DashboardDefinition {
  $schema?: string;
  kind: 'dashboard';
  id: DefinitionId;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * A JSON Schema object: the shared filter form (date range, customer, work center...).
   */
  parameters?: {
    type: 'object';
    properties: {
      [k: string]: {} | boolean;
    };
    required?: string[];
    uiSchema?: {
      [k: string]: unknown;
    };
  };
  /**
   * @minItems 1
   */
  widgets: [DashboardWidget, ...DashboardWidget[]];
  roles?: RoleId[];
}
export interface DashboardWidget {
  report: DefinitionId;
  title?: LocalizedText;
  span: number;
  /**
   * report parameter -> dashboard parameter
   */
  parameterMap?: {
    [k: string]: string;
  };
}

/**
 * This interface was referenced by `PrintTemplateDefinition`'s JSON-Schema
 * via the `definition` "TemplateFile".
 */
export type TemplateFile = string;

/**
 * A printable document for the records of one form (an order confirmation, a traveler, a delivery note): one handlebars file per language next to this definition, rendered to HTML and, through headless Chromium's print, to PDF. Values are HTML-escaped and templates cannot reach prototypes; fields the reader may not see are absent from the data.
 */
export interface PrintTemplateDefinition {
  $schema?: string;
  kind: 'print-template';
  id: DefinitionId;
  version: number;
  form: DefinitionId1;
  title: LocalizedText;
  templates: PrintTemplateFiles;
  paper?: 'A4' | 'A5';
  orientation?: 'portrait' | 'landscape';
  /**
   * Other records the template shows, found by matching fields: e.g. the released routing of the order's item. Each becomes `related.<as>` (the newest match) in the template; only forms and fields the reader may see.
   *
   * @maxItems 32
   */
  related?: PrintRelatedRecord[];
}
/**
 * The handlebars file of each language, relative to this definition's folder.
 */
export interface PrintTemplateFiles {
  'zh-CN': TemplateFile;
  en: TemplateFile;
}
export interface PrintRelatedRecord {
  as: string;
  form: DefinitionId;
  /**
   * Field of the related form -> field of the printed record whose value it must equal.
   */
  match: {
    [k: string]: string;
  };
  /**
   * Field -> value: among several matches, one with these values wins (e.g. status released).
   */
  prefer?: {
    [k: string]: string;
  };
}
