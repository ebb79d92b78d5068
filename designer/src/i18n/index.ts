export { formatDate, formatDateTime, formatNumber } from './format.js';
export { I18nProvider, useI18n, type I18n } from './i18n-context.js';
export { LanguageSwitch } from './language-switch.js';
export { MESSAGES_EN, type MessageId } from './messages-en.js';
export { MESSAGES_ZH_CN } from './messages-zh-cn.js';
export { isLocale, LOCALES, pickLocale } from './pick-locale.js';
export { isMessageId, translate, type MessageParams } from './translate.js';
