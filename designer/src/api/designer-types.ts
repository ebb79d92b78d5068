import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { DiagramLayout } from '../../../engine/workflows/diagram-layout.js';

/** The definition kinds the visual designer edits. */
export type DesignerKind = 'form' | 'workflow' | 'report' | 'dashboard';

/** GET /api/designer/{forms,workflows,reports,dashboards}: a published definition, a draft, or both. */
export interface DesignerEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly publishedVersion: number | null;
  readonly draft: { readonly updatedAt: string; readonly updatedBy: string; readonly basedOnVersion: number | null; readonly unpublishedChanges: boolean } | null;
  /** A workflow's form, whether or not the designer may read its records. */
  readonly form?: { readonly id: string; readonly title: LocalizedText };
}

/** A definition's draft text, exactly as saved (or the published version when there is no draft). */
export interface DefinitionDraft {
  readonly kind: DesignerKind;
  readonly id: string;
  readonly body: string;
  readonly source: 'draft' | 'published';
  readonly basedOnVersion: number | null;
  readonly publishedVersion: number | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** A workflow draft's drawing (kept beside the text, trimmed to its states); null when none was saved. */
  readonly layout: DiagramLayout | null;
}

export interface PublishedDefinition {
  readonly id: string;
  readonly version: number;
  /** False when the draft equals the published version, so nothing new was published. */
  readonly published: boolean;
}

/** GET /api/designer/published/:kind/:id: the latest published version, pretty-printed, to compare a draft with. */
export interface PublishedDefinitionText {
  readonly kind: DesignerKind;
  readonly id: string;
  readonly version: number;
  readonly body: string;
}
