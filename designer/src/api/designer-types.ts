import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';

/** GET /api/designer/forms: a published form, a draft, or both. */
export interface DesignerFormEntry {
  readonly id: string;
  readonly title: LocalizedText;
  readonly publishedVersion: number | null;
  readonly draft: { readonly updatedAt: string; readonly updatedBy: string; readonly basedOnVersion: number | null; readonly unpublishedChanges: boolean } | null;
}

/** A form's draft text, exactly as saved (or the published version when there is no draft). */
export interface FormDraft {
  readonly id: string;
  readonly body: string;
  readonly source: 'draft' | 'published';
  readonly basedOnVersion: number | null;
  readonly publishedVersion: number | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export interface PublishedForm {
  readonly id: string;
  readonly version: number;
  /** False when the draft equals the published version, so nothing new was published. */
  readonly published: boolean;
}
