import { useEffect, useRef } from 'react';
import { ModalDialog } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { SHORTCUTS } from './shortcuts.js';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The "?" overlay: every shortcut the designer listens for, from the same table the page uses. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <ModalDialog title={t('designer.keys.title')} onClose={onClose} testId="shortcuts-help">
      <p className="fd-hint">{t('designer.keys.hint')}</p>
      <table className="fd-keys">
        <tbody>
          {SHORTCUTS.map(({ action, keys }) => (
            <tr key={action}>
              <td>{t(`designer.keys.${action}`)}</td>
              <td className="fd-keys-combo">
                {keys.map((key) => (
                  <kbd key={key}>{key === 'Mod' ? (IS_MAC ? '⌘' : 'Ctrl') : key}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fd-dialog-actions">
        <button type="button" ref={close} className="btn" onClick={onClose} data-testid="shortcuts-close">
          {t('designer.keys.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
