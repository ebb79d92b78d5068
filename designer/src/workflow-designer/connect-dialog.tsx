import { useState } from 'react';
import { ModalDialog, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { isEventName, type ConnectChoice } from './workflow-edits.js';

export interface ConnectRequest {
  readonly source: string;
  readonly target: string;
  readonly choices: readonly ConnectChoice['kind'][];
}

/** Asked when an arrow is drawn: what makes it happen (an event by name, an approval, a decision branch, ...). */
export function ConnectDialog({ request, fromTitle, toTitle, onConnect, onCancel }: { request: ConnectRequest; fromTitle: string; toTitle: string; onConnect: (choice: ConnectChoice) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ConnectChoice['kind']>(request.choices[0] ?? 'on');
  const [event, setEvent] = useState('');
  const badEvent = kind === 'on' && event !== '' && !isEventName(event);
  const ready = kind !== 'on' || (event !== '' && !badEvent);
  const submit = () => {
    if (!ready) return;
    onConnect(kind === 'on' ? { kind, event } : { kind });
  };
  return (
    <ModalDialog title={t('wd.connect.title', { from: fromTitle, to: toTitle })} onClose={onCancel} testId="wd-connect-dialog" className="wd-dialog">
      <form
        className="fd-props"
        onSubmit={(submitEvent) => {
          submitEvent.preventDefault();
          submit();
        }}
      >
        {request.choices.length > 1 ? (
          <Prop label={t('wd.connect.kind')}>
            <select value={kind} onChange={(change) => setKind(change.target.value as ConnectChoice['kind'])} data-testid="wd-connect-kind">
              {request.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`wd.edge.kind.${choice}`)}
                </option>
              ))}
            </select>
          </Prop>
        ) : null}
        {kind === 'on' ? (
          <Prop label={t('wd.edge.event')} hint={badEvent ? <span className="fd-error">{t('wd.edge.badEvent')}</span> : t('wd.edge.eventHint')}>
            <input autoFocus value={event} onChange={(change) => setEvent(change.target.value.trim())} placeholder="submit" data-testid="wd-connect-event" />
          </Prop>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!ready} data-testid="wd-connect-create">
            {t('wd.connect.create')}
          </button>
          <button type="button" className="btn" onClick={onCancel} data-testid="wd-connect-cancel">
            {t('wd.connect.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
