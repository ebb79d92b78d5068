import { Component, type ReactNode } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { LiveFormView, useLiveForm } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';

class PreviewBoundary extends Component<{ fallback: (message: string) => ReactNode; children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}

function LivePreview({ definition }: { definition: FormDefinition }) {
  const form = useLiveForm({ definition });
  return <LiveFormView form={form.props} readonly={false} />;
}

/** The form as staff will see it, rendered by the staff renderer; a definition it cannot compile yet says why instead. */
export function PreviewPane({ definition, text }: { definition: FormDefinition; text: string }) {
  const { t } = useI18n();
  if (Object.keys(definition.schema.properties).length === 0) return <div className="fd-canvas-empty">{t('designer.previewEmpty')}</div>;
  return (
    <div className="fd-preview" data-testid="designer-preview">
      <p className="fd-hint">{t('designer.previewHint')}</p>
      <div className="card">
        {/* Keyed by the text: a changed definition starts a fresh form rather than patching the old one. */}
        <PreviewBoundary key={text} fallback={(message) => <p className="notice notice-warning">{t('designer.previewFailed', { message })}</p>}>
          <LivePreview definition={definition} />
        </PreviewBoundary>
      </div>
    </div>
  );
}
