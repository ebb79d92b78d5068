import {
  validateDefinitionFiles,
  type DashboardDefinition,
  type DefinitionFile,
  type FormDefinition,
  type LocalizedText,
  type ReportDefinition,
  type WorkflowDefinition,
} from '../../engine/definitions/index.js';
import { OrdoError, type ErrorCode, type FieldError } from '../../engine/errors/index.js';
import { checkDiagramLayout, diagramStateNames, pruneDiagramLayout, type DiagramLayout } from '../../engine/workflows/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { checkJsonBody } from '../http/json-body-limits.js';
import { canonicalJson, mayDesign, type Actor, type DefinitionBundle, type DefinitionService } from '../services/index.js';
import { findDraft, listDrafts, saveDraftIfUnchanged, upsertDraft, type DraftKind } from '../stores/index.js';

export type { DraftKind };

export interface DefinitionDraft {
  kind: DraftKind;
  id: string;
  /** The definition as text, exactly as saved (or, without a draft, the published version pretty-printed). */
  body: string;
  source: 'draft' | 'published';
  basedOnVersion: number | null;
  publishedVersion: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** A workflow draft's drawing, with only what names its states; null when none was saved (or for other kinds). */
  layout: DiagramLayout | null;
}

export interface DesignerEntry {
  id: string;
  title: LocalizedText;
  publishedVersion: number | null;
  draft: { updatedAt: string; updatedBy: string; basedOnVersion: number | null; unpublishedChanges: boolean } | null;
  /** A workflow's form (the draft's, else the published one's): a designer may design workflows on forms they cannot read. */
  form?: { id: string; title: LocalizedText };
}

export interface DesignerService {
  listEntries(actor: Actor, kind: DraftKind): Promise<DesignerEntry[]>;
  getDraft(actor: Actor, kind: DraftKind, id: string): Promise<DefinitionDraft>;
  /**
   * With `expectedUpdatedAt` (the `updatedAt` the designer loaded, null for no draft), refuses with
   * ORDO_ERR_DRAFT_CONFLICT when someone saved the draft since; without it, overwrites. `layout`
   * (workflows only) is saved with it, trimmed to the body's states; left out, the saved one stays.
   */
  saveDraft(actor: Actor, kind: DraftKind, id: string, body: string, expectedUpdatedAt?: string | null, layout?: unknown): Promise<DefinitionDraft>;
  /** The latest published version as the designer shows it (pretty-printed), to compare a draft with. */
  getPublished(actor: Actor, kind: DraftKind, id: string): Promise<{ kind: DraftKind; id: string; version: number; body: string }>;
  publish(actor: Actor, kind: DraftKind, id: string): Promise<{ id: string; version: number; published: boolean }>;
}

type PublishedDefinition = FormDefinition | WorkflowDefinition | ReportDefinition | DashboardDefinition;

/** Where each kind lives in a definition bundle and in a definition folder, and how a missing one is reported. */
const KINDS: Record<DraftKind, { bundle: 'forms' | 'workflows' | 'reports' | 'dashboards'; notFound: ErrorCode }> = {
  form: { bundle: 'forms', notFound: 'ORDO_ERR_FORM_NOT_FOUND' },
  workflow: { bundle: 'workflows', notFound: 'ORDO_ERR_WORKFLOW_NOT_FOUND' },
  report: { bundle: 'reports', notFound: 'ORDO_ERR_REPORT_NOT_FOUND' },
  dashboard: { bundle: 'dashboards', notFound: 'ORDO_ERR_REPORT_NOT_FOUND' },
};

/**
 * Drafts of definitions (forms, workflows, reports, dashboards) for the visual designer and their
 * publication. A draft may be incomplete (it is work in progress); publishing runs the same checks as
 * `ordo validate` over the draft together with every published definition, so a form cannot lose a
 * field a workflow or report still uses.
 */
export function createDesignerService(options: { database: OrdoDatabase; definitions: DefinitionService; now: () => Date }): DesignerService {
  const { database, definitions, now } = options;
  const { db } = database;

  function requireDesigner(actor: Actor): void {
    if (!mayDesign(actor, definitions.app())) throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only designers may edit and publish definitions');
  }

  async function published(kind: DraftKind): Promise<Map<string, PublishedDefinition>> {
    const bundle = await definitions.exportAll();
    const list: readonly PublishedDefinition[] = bundle[KINDS[kind].bundle] ?? [];
    return new Map(list.map((definition) => [definition.id, definition]));
  }

  return {
    async listEntries(actor, kind) {
      requireDesigner(actor);
      const latest = await published(kind);
      const drafts = new Map((await listDrafts(db, kind)).map((draft) => [draft.id, draft]));
      const ids = [...new Set([...latest.keys(), ...drafts.keys()])].sort();
      const forms = kind === 'workflow' ? await published('form') : undefined;
      return ids.map((id) => {
        const definition = latest.get(id);
        const draft = drafts.get(id);
        const parsed = draft === undefined ? undefined : parseLoosely(draft.body);
        const formId = forms === undefined ? undefined : typeof parsed?.form === 'string' ? parsed.form : (definition as WorkflowDefinition | undefined)?.form;
        return {
          id,
          ...(formId === undefined || formId === '' ? {} : { form: { id: formId, title: forms?.get(formId)?.title ?? { 'zh-CN': formId, en: formId } } }),
          title: titleOf(parsed) ?? definition?.title ?? { 'zh-CN': id, en: id },
          publishedVersion: definition?.version ?? null,
          draft:
            draft === undefined
              ? null
              : {
                  updatedAt: draft.updatedAt.toISOString(),
                  updatedBy: draft.updatedBy,
                  basedOnVersion: draft.basedOnVersion,
                  unpublishedChanges: definition === undefined || parsed === undefined || contentOf(parsed) !== contentOf(definition),
                },
        };
      });
    },

    async getDraft(actor, kind, id) {
      requireDesigner(actor);
      const definition = (await published(kind)).get(id);
      const draft = await findDraft(db, kind, id);
      const publishedVersion = definition?.version ?? null;
      if (draft !== undefined) {
        const layout = readLayout(draft.layout, draft.body);
        return { kind, id, body: draft.body, source: 'draft', basedOnVersion: draft.basedOnVersion, publishedVersion, updatedAt: draft.updatedAt.toISOString(), updatedBy: draft.updatedBy, layout };
      }
      if (definition === undefined) throw new OrdoError(KINDS[kind].notFound, `No ${kind} or draft ${id}`);
      return { kind, id, body: JSON.stringify(definition, null, 2), source: 'published', basedOnVersion: publishedVersion, publishedVersion, updatedAt: null, updatedBy: null, layout: null };
    },

    async saveDraft(actor, kind, id, body, expectedUpdatedAt, layout) {
      requireDesigner(actor);
      const definition = parseDraft(body);
      checkDraftShape(kind, id, definition);
      const trimmed = layout === undefined || layout === null ? layout : checkLayout(kind, layout, definition);
      const publishedVersion = (await published(kind)).get(id)?.version ?? null;
      const updatedAt = now();
      const row = { kind, id, body, basedOnVersion: publishedVersion, updatedAt, updatedBy: actor.username, layout: trimmed };
      const expected = expectedUpdatedAt === undefined || expectedUpdatedAt === null ? expectedUpdatedAt : new Date(expectedUpdatedAt);
      if (expected instanceof Date && Number.isNaN(expected.getTime())) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', 'expectedUpdatedAt is not a time the draft was saved at');
      if (expected === undefined) await upsertDraft(db, row);
      else if (!(await saveDraftIfUnchanged(db, row, expected))) {
        const current = await findDraft(db, kind, id);
        throw new OrdoError('ORDO_ERR_DRAFT_CONFLICT', `The draft of ${kind} ${id} was saved by ${current?.updatedBy ?? 'someone'} since it was loaded`, {
          extra: { updatedAt: current?.updatedAt.toISOString() ?? null, updatedBy: current?.updatedBy ?? null },
        });
      }
      // A workflow saved without a layout keeps the one saved before: read back, trimmed to this body.
      const saved = trimmed !== undefined ? trimmed : kind === 'workflow' ? readLayout((await findDraft(db, kind, id))?.layout ?? null, body) : null;
      return { kind, id, body, source: 'draft', basedOnVersion: publishedVersion, publishedVersion, updatedAt: updatedAt.toISOString(), updatedBy: actor.username, layout: saved };
    },

    async getPublished(actor, kind, id) {
      requireDesigner(actor);
      const definition = (await published(kind)).get(id);
      if (definition === undefined) throw new OrdoError(KINDS[kind].notFound, `No published ${kind} ${id}`);
      return { kind, id, version: definition.version, body: JSON.stringify(definition, null, 2) };
    },

    async publish(actor, kind, id) {
      requireDesigner(actor);
      const draft = await findDraft(db, kind, id);
      if (draft === undefined) throw new OrdoError('ORDO_ERR_NOT_FOUND', `No draft of ${kind} ${id}; save one first`);
      const definition = parseDraft(draft.body);
      checkDraftShape(kind, id, definition);
      const bundle = await definitions.exportAll();
      const problems = problemsOf(kind, definition as unknown as PublishedDefinition, bundle);
      if (problems.length > 0) throw new OrdoError('ORDO_ERR_DRAFT_INVALID', `The draft of ${kind} ${id} has ${problems.length} problem(s)`, { fields: problems });
      const result = await definitions.publish({ forms: [], [KINDS[kind].bundle]: [definition] }, actor);
      const version = (await published(kind)).get(id)?.version;
      if (version === undefined) throw new Error(`${kind} ${id} was published but is not in the definitions`);
      return { id, version, published: result.published.includes(id) };
    },
  };
}

const DRAFT_FILE = 'draft.json';

/** Every published definition as a file plus the draft in place of its published version: the package `ordo validate` would see. */
function problemsOf(kind: DraftKind, draft: PublishedDefinition, bundle: DefinitionBundle): FieldError[] {
  const files: DefinitionFile[] = [{ path: DRAFT_FILE, text: JSON.stringify(draft) }];
  if (bundle.app !== undefined) files.push({ path: 'app.json', text: JSON.stringify(bundle.app) });
  for (const [other, { bundle: folder }] of Object.entries(KINDS)) {
    for (const definition of bundle[folder] ?? []) {
      if (other !== kind || definition.id !== draft.id) files.push({ path: `${folder}/${definition.id}.json`, text: JSON.stringify(definition) });
    }
  }
  const { problems } = validateDefinitionFiles(files);
  return problems.map((problem) =>
    problem.file === DRAFT_FILE
      ? { pointer: problem.pointer, code: problem.code ?? 'definition', message: problem.message }
      : // A published definition that breaks with this draft (a workflow using a removed field): the pointer is into that definition.
        { pointer: '', code: 'dependent', message: `${problem.file.replace(/\.json$/, '')} ${problem.pointer}: ${problem.message}` },
  );
}

function parseDraft(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw invalid('/body', 'json', `not JSON: ${(error as Error).message}`);
  }
  checkJsonBody(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('', 'type', 'must be a JSON object');
  return value as Record<string, unknown>;
}

function checkDraftShape(kind: DraftKind, id: string, value: Record<string, unknown>): void {
  if (value.kind !== kind) throw invalid('/kind', 'const', `must be "${kind}"`);
  if (value.id !== id) throw invalid('/id', 'const', `must be "${id}", the id the draft is saved under`);
}

/** A layout sent with a save: checked, then trimmed to the states the body has. */
function checkLayout(kind: DraftKind, layout: unknown, definition: Record<string, unknown>): DiagramLayout {
  if (kind !== 'workflow') throw invalid('/layout', 'forbidden', 'only a workflow draft has a layout');
  const problems = checkDiagramLayout(layout);
  if (problems.length > 0) throw new OrdoError('ORDO_ERR_DRAFT_INVALID', `The layout has ${problems.length} problem(s)`, { fields: problems });
  return pruneDiagramLayout(layout as DiagramLayout, diagramStateNames(definition));
}

/**
 * A stored layout as the designer gets it: trimmed to the body's states, since a save without a layout
 * (another client, the JSON of a renamed state) keeps the one saved before.
 */
function readLayout(stored: unknown, body: string): DiagramLayout | null {
  if (stored === null || stored === undefined || checkDiagramLayout(stored).length > 0) return null;
  return pruneDiagramLayout(stored as DiagramLayout, diagramStateNames(parseLoosely(body)));
}

function invalid(pointer: string, code: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_DRAFT_INVALID', `${pointer === '' ? '/' : pointer}: ${message}`, { fields: [{ pointer, code, message }] });
}

function parseLoosely(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function titleOf(value: Record<string, unknown> | undefined): LocalizedText | undefined {
  const title = value?.title;
  if (typeof title !== 'object' || title === null) return undefined;
  const { en, 'zh-CN': zh } = title as Record<string, unknown>;
  return typeof en === 'string' && typeof zh === 'string' ? { en, 'zh-CN': zh } : undefined;
}

/** The content that publishing compares: everything but `version` and `$schema`. */
function contentOf(value: object): string {
  const { version: _version, $schema: _schema, ...content } = value as Record<string, unknown>;
  return canonicalJson(content);
}
