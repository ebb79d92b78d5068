import { validateDefinitionFiles, type DefinitionFile, type FormDefinition, type LocalizedText } from '../../engine/definitions/index.js';
import { OrdoError, type FieldError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { checkJsonBody } from '../http/json-body-limits.js';
import { canonicalJson, mayDesign, type Actor, type DefinitionBundle, type DefinitionService } from '../services/index.js';
import { findDraft, listDrafts, upsertDraft } from '../stores/index.js';

export interface FormDraft {
  id: string;
  /** The definition as text, exactly as saved (or, without a draft, the published version pretty-printed). */
  body: string;
  source: 'draft' | 'published';
  basedOnVersion: number | null;
  publishedVersion: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface DesignerFormEntry {
  id: string;
  title: LocalizedText;
  publishedVersion: number | null;
  draft: { updatedAt: string; updatedBy: string; basedOnVersion: number | null; unpublishedChanges: boolean } | null;
}

export interface DesignerService {
  listForms(actor: Actor): Promise<DesignerFormEntry[]>;
  getFormDraft(actor: Actor, id: string): Promise<FormDraft>;
  saveFormDraft(actor: Actor, id: string, body: string): Promise<FormDraft>;
  publishForm(actor: Actor, id: string): Promise<{ id: string; version: number; published: boolean }>;
}

/**
 * Drafts of form definitions for the visual designer and their publication. A draft may be incomplete
 * (it is work in progress); publishing runs the same checks as `ordo validate` over the draft together
 * with every published definition, so a form cannot lose a field a workflow or report still uses.
 */
export function createDesignerService(options: { database: OrdoDatabase; definitions: DefinitionService; now: () => Date }): DesignerService {
  const { database, definitions, now } = options;
  const { db } = database;

  function requireDesigner(actor: Actor): void {
    if (!mayDesign(actor, definitions.app())) throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only designers may edit and publish definitions');
  }

  async function published(): Promise<Map<string, FormDefinition>> {
    const bundle = await definitions.exportAll();
    return new Map(bundle.forms.map((form) => [form.id, form]));
  }

  return {
    async listForms(actor) {
      requireDesigner(actor);
      const forms = await published();
      const drafts = new Map((await listDrafts(db, 'form')).map((draft) => [draft.id, draft]));
      const ids = [...new Set([...forms.keys(), ...drafts.keys()])].sort();
      return ids.map((id) => {
        const form = forms.get(id);
        const draft = drafts.get(id);
        const parsed = draft === undefined ? undefined : parseLoosely(draft.body);
        return {
          id,
          title: titleOf(parsed) ?? form?.title ?? { 'zh-CN': id, en: id },
          publishedVersion: form?.version ?? null,
          draft:
            draft === undefined
              ? null
              : {
                  updatedAt: draft.updatedAt.toISOString(),
                  updatedBy: draft.updatedBy,
                  basedOnVersion: draft.basedOnVersion,
                  unpublishedChanges: form === undefined || parsed === undefined || contentOf(parsed) !== contentOf(form),
                },
        };
      });
    },

    async getFormDraft(actor, id) {
      requireDesigner(actor);
      const form = (await published()).get(id);
      const draft = await findDraft(db, 'form', id);
      if (draft !== undefined) {
        return {
          id,
          body: draft.body,
          source: 'draft',
          basedOnVersion: draft.basedOnVersion,
          publishedVersion: form?.version ?? null,
          updatedAt: draft.updatedAt.toISOString(),
          updatedBy: draft.updatedBy,
        };
      }
      if (form === undefined) throw new OrdoError('ORDO_ERR_FORM_NOT_FOUND', `No form or draft ${id}`);
      return { id, body: JSON.stringify(form, null, 2), source: 'published', basedOnVersion: form.version, publishedVersion: form.version, updatedAt: null, updatedBy: null };
    },

    async saveFormDraft(actor, id, body) {
      requireDesigner(actor);
      checkDraftShape(id, parseDraft(body));
      const form = (await published()).get(id);
      const updatedAt = now();
      await upsertDraft(db, { kind: 'form', id, body, basedOnVersion: form?.version ?? null, updatedAt, updatedBy: actor.username });
      return {
        id,
        body,
        source: 'draft',
        basedOnVersion: form?.version ?? null,
        publishedVersion: form?.version ?? null,
        updatedAt: updatedAt.toISOString(),
        updatedBy: actor.username,
      };
    },

    async publishForm(actor, id) {
      requireDesigner(actor);
      const draft = await findDraft(db, 'form', id);
      if (draft === undefined) throw new OrdoError('ORDO_ERR_NOT_FOUND', `No draft of form ${id}; save one first`);
      const definition = parseDraft(draft.body);
      checkDraftShape(id, definition);
      const bundle = await definitions.exportAll();
      const problems = problemsOf(definition as unknown as FormDefinition, bundle);
      if (problems.length > 0) throw new OrdoError('ORDO_ERR_DRAFT_INVALID', `The draft of form ${id} has ${problems.length} problem(s)`, { fields: problems });
      const result = await definitions.publish({ forms: [definition as unknown as FormDefinition] }, actor);
      const version = definitions.form(id).definition.version;
      return { id, version, published: result.published.includes(id) };
    },
  };
}

const DRAFT_FILE = 'draft.json';

/** Every published definition as a file plus the draft in place of its published form: the package `ordo validate` would see. */
function problemsOf(draft: FormDefinition, bundle: DefinitionBundle): FieldError[] {
  const files: DefinitionFile[] = [{ path: DRAFT_FILE, text: JSON.stringify(draft) }];
  if (bundle.app !== undefined) files.push({ path: 'app.json', text: JSON.stringify(bundle.app) });
  for (const form of bundle.forms) if (form.id !== draft.id) files.push({ path: `forms/${form.id}.json`, text: JSON.stringify(form) });
  for (const workflow of bundle.workflows ?? []) files.push({ path: `workflows/${workflow.id}.json`, text: JSON.stringify(workflow) });
  for (const report of bundle.reports ?? []) files.push({ path: `reports/${report.id}.json`, text: JSON.stringify(report) });
  for (const dashboard of bundle.dashboards ?? []) files.push({ path: `dashboards/${dashboard.id}.json`, text: JSON.stringify(dashboard) });
  const { problems } = validateDefinitionFiles(files);
  return problems.map((problem) =>
    problem.file === DRAFT_FILE
      ? { pointer: problem.pointer, code: 'definition', message: problem.message }
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

function checkDraftShape(id: string, value: Record<string, unknown>): void {
  if (value.kind !== 'form') throw invalid('/kind', 'const', 'must be "form"');
  if (value.id !== id) throw invalid('/id', 'const', `must be "${id}", the id the draft is saved under`);
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
