import { useEffect, useRef, useState } from 'react';
import { isApiError, type PrintTemplateSummary } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';

type PrintFormat = 'pdf' | 'html';

export function printPath(form: string, id: string, template: string, format: PrintFormat, locale: string): string {
  return `/api/records/${encodeURIComponent(form)}/${encodeURIComponent(id)}/print/${encodeURIComponent(template)}?format=${format}&locale=${encodeURIComponent(locale)}`;
}

/**
 * 打印: a menu of the form's print templates, each as PDF or web page, opened in a new tab. The tab
 * is opened during the click (so no popup blocker stops it) and shown the document once it arrived
 * through the API client, which carries the session's token. No button when the form has no templates.
 */
export function PrintButton({ form, id }: { form: string; id: string }) {
  const { api } = useSession();
  const { t, text, locale } = useI18n();
  const [templates, setTemplates] = useState<readonly PrintTemplateSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.printTemplates(form).then(
      (answer) => {
        if (!cancelled) setTemplates(answer.items);
      },
      // No print routes or no templates: the page simply has no print button.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, form]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (templates.length === 0) return null;

  async function print(template: string, format: PrintFormat) {
    setOpen(false);
    setError(null);
    const tab = window.open('', '_blank');
    try {
      const file = await api.download(printPath(form, id, template, format, locale));
      // Never revoked: Chrome's PDF viewer reads the address again when the user saves or prints from the tab.
      const url = URL.createObjectURL(file.blob);
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch (caught) {
      tab?.close();
      setError(t('print.failed', { message: isApiError(caught) ? describeError(caught, locale) : String(caught) }));
    }
  }

  return (
    <div className="print-menu" ref={menu}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((value) => !value)} data-testid="print-button">
        <span className="print-icon" aria-hidden="true" />
        {t('print.label')} ▾
      </button>
      {open ? (
        <ul className="print-options" role="menu">
          {templates.map((template) => (
            <li key={template.id} role="none" className="print-option">
              <span className="print-option-title">{typeof template.title === 'string' ? template.title : text(template.title)}</span>
              <span className="print-option-formats">
                <button type="button" role="menuitem" className="btn btn-small" onClick={() => void print(template.id, 'pdf')} data-testid={`print-${template.id}-pdf`}>
                  {t('print.pdf')}
                </button>
                <button type="button" role="menuitem" className="btn btn-small" onClick={() => void print(template.id, 'html')} data-testid={`print-${template.id}-html`}>
                  {t('print.html')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="notice notice-error print-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
