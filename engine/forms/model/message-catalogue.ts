import type { Locale } from '../../errors/index.js';

/**
 * Validation messages by ajv keyword (and Ordo's own codes), in both languages. `{label}` is the
 * field's label; other `{names}` are the keyword's parameters as ajv reports them.
 */
export type MessageTemplates = Readonly<Record<Locale, string>>;

function t(en: string, zh: string): MessageTemplates {
  return Object.freeze({ en, 'zh-CN': zh });
}

export const MESSAGE_CATALOGUE: Readonly<Record<string, MessageTemplates>> = Object.freeze({
  required: t('{label} is required', '{label}为必填项'),
  type: t('{label} must be {type}', '{label}应为{type}'),
  minimum: t('{label} must be at least {limit}', '{label}不能小于 {limit}'),
  maximum: t('{label} must be at most {limit}', '{label}不能大于 {limit}'),
  exclusiveMinimum: t('{label} must be greater than {limit}', '{label}必须大于 {limit}'),
  exclusiveMaximum: t('{label} must be less than {limit}', '{label}必须小于 {limit}'),
  multipleOf: t('{label} must be a multiple of {multipleOf}', '{label}必须是 {multipleOf} 的倍数'),
  minLength: t('{label} must have at least {limit} characters', '{label}至少需要 {limit} 个字符'),
  maxLength: t('{label} must have at most {limit} characters', '{label}最多 {limit} 个字符'),
  pattern: t('{label} is not in the expected form', '{label}格式不正确'),
  format: t('{label} must be {format}', '{label}应为有效的{format}'),
  enum: t('{label} must be one of: {allowedValues}', '{label}只能是以下之一：{allowedValues}'),
  const: t('{label} must be {allowedValue}', '{label}必须是 {allowedValue}'),
  minItems: t('{label} needs at least {limit} entries', '{label}至少需要 {limit} 项'),
  maxItems: t('{label} may have at most {limit} entries', '{label}最多 {limit} 项'),
  uniqueItems: t('{label} must not contain the same entry twice', '{label}不能有重复项'),
  minProperties: t('{label} needs at least {limit} entries', '{label}至少需要 {limit} 项'),
  maxProperties: t('{label} may have at most {limit} entries', '{label}最多 {limit} 项'),
  additionalProperties: t('{label} is not a field of this form', '{label}不是本表单的字段'),
  unevaluatedProperties: t('{label} is not a field of this form', '{label}不是本表单的字段'),
  unevaluatedItems: t('{label} has more entries than allowed', '{label}的项数超出允许范围'),
  dependentRequired: t('{label} is required when {property} is filled in', '填写{property}时{label}为必填项'),
  contains: t('{label} has no entry that fits', '{label}中没有符合要求的项'),
  propertyNames: t('{label} has an invalid name: {propertyName}', '{label}包含无效的名称：{propertyName}'),
  if: t('{label} does not meet its conditions', '{label}不满足条件'),
  not: t('{label} is not valid', '{label}无效'),
  anyOf: t('{label} is not valid', '{label}无效'),
  oneOf: t('{label} is not valid', '{label}无效'),
  'false schema': t('{label} is not allowed', '{label}不允许填写'),
  forbidden: t('{label} may not be changed with your role', '{label}不允许由您的角色修改'),
  readOnly: t('{label} is read-only now and cannot be changed', '{label}当前为只读，不能修改'),
  lookup: t('{label}: the selected record was not found', '{label}：所选记录不存在'),
  formula: t('{label} could not be computed', '{label}无法计算'),
});

export const FALLBACK_MESSAGE: MessageTemplates = t('{label} is not valid', '{label}无效');

/** What `{label}` reads as when an error is not about a known field. */
export const UNNAMED_FIELD: MessageTemplates = t('This field', '此字段');

export const TYPE_NAMES: Readonly<Record<string, MessageTemplates>> = Object.freeze({
  number: t('a number', '数字'),
  integer: t('a whole number', '整数'),
  string: t('text', '文本'),
  boolean: t('yes or no', '是或否'),
  array: t('a list', '列表'),
  object: t('a group of fields', '字段组'),
  null: t('empty', '空值'),
});

export const FORMAT_NAMES: Readonly<Record<string, MessageTemplates>> = Object.freeze({
  date: t('a date (YYYY-MM-DD)', '日期（YYYY-MM-DD）'),
  'date-time': t('a date and time', '日期时间'),
  time: t('a time', '时间'),
  email: t('an email address', '电子邮箱地址'),
  uri: t('a web address', '网址'),
  url: t('a web address', '网址'),
  uuid: t('a UUID', 'UUID'),
  ipv4: t('an IPv4 address', 'IPv4 地址'),
  ipv6: t('an IPv6 address', 'IPv6 地址'),
  hostname: t('a host name', '主机名'),
});
