import { useI18n } from '../i18n/index.js';
import { PALETTE_DRAG_TYPE } from './workflow-canvas.js';
import { KindIcon } from './kind-icon.js';
import { PALETTE_KINDS, type PaletteKind } from './new-state.js';

/** The nodes a workflow is built from: drag one onto the canvas, or click to add it in view. */
export function WorkflowPalette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  const { t } = useI18n();
  return (
    <aside className="fd-palette wd-palette" aria-label={t('wd.palette')}>
      <h2 className="fd-panel-title">{t('wd.palette')}</h2>
      <p className="fd-hint">{t('wd.paletteHint')}</p>
      <div className="wd-palette-list">
        {PALETTE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="wd-palette-item"
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => onAdd(kind)}
            data-testid={`wd-palette-${kind}`}
          >
            <KindIcon kind={kind} />
            {t(`wd.kind.${kind}`)}
          </button>
        ))}
      </div>
    </aside>
  );
}
