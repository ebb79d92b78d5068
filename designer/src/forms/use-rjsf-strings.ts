import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import { useCallback } from 'react';
import { useI18n } from '../i18n/index.js';

/** Chinese for the few rjsf strings Ordo's templates leave visible; the rest stay rjsf's English. */
const ZH_CN: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '行',
  [TranslatableString.EmptyArray]: '暂无内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一行',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.ClearButton]: '清空',
};

export function useRjsfStrings(): (key: TranslatableString, params?: string[]) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: TranslatableString, params?: string[]) => {
      const zh = locale === 'zh-CN' ? ZH_CN[key] : undefined;
      return zh === undefined ? englishStringTranslator(key, params) : replaceStringParameters(zh, params);
    },
    [locale],
  );
}
