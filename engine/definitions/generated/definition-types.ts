/* This file is generated from engine/definitions/meta-schemas by `ordo gen-types`. Do not edit it:
 * change the meta-schema and regenerate. A test fails when it is stale. */
/**
 * Kebab-case identifier of a definition, unique within its kind.
 */
export type DefinitionId = string;
/**
 * A formula in Ordo's expression language (Excel-style functions, field references).
 */
export type Expression = string;
/**
 * A field of the form: a top-level property name, or `subTable.column` for a column of a sub-table.
 */
export type FieldPath = string;
export type RoleId = string;

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
    [k: string]: {
      [k: string]: unknown;
    };
  };
  required?: string[];
  $data?: {
    [k: string]: unknown;
  };
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
  title: LocalizedText;
  forms: DefinitionId[];
}
