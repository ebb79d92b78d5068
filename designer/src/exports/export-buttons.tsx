import { useState } from 'react';
import { isApiError, type ExportFormat } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';
import { saveFile } from './save-file.js';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

export interface ExportButtonsProps {
  /** The export route for a format (GET .../export?format=...). */
  readonly path: (format: ExportFormat) => string;
  /** The file name when the server suggests none, without extension. */
  readonly name: string;
  readonly small?: boolean;
}

/** Excel and CSV download buttons: the file comes through the API client, as a plain link would lack the session's token. */
export function ExportButtons({ path, name, small = false }: ExportButtonsProps) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(format: ExportFormat) {
    setRunning(format);
    setError(null);
    try {
      saveFile(await api.download(path(format)), `${name}.${format}`);
    } catch (caught) {
      setError(t('export.failed', { message: isApiError(caught) ? describeError(caught, locale) : String(caught) }));
    } finally {
      setRunning(null);
    }
  }

  return (
    <span className="export-buttons" role="group" aria-label={t('export.label')}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className={small ? 'btn btn-small btn-quiet' : 'btn'}
          disabled={running !== null}
          onClick={() => void run(format)}
          data-testid={`export-${format}`}
          title={`${t('export.label')} ${t(`export.${format}`)}`}
        >
          <span className={`file-icon file-icon-${format}`} aria-hidden="true" />
          {running === format ? t('export.running') : t(`export.${format}`)}
        </button>
      ))}
      {error ? (
        <span className="export-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
