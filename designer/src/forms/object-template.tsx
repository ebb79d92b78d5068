import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import type { ReactNode } from 'react';
import type { RenderedSection } from '../../../engine/forms/model/index.js';
import { isSubTableLine } from './ordo-form-context.js';

function sectionsOf(options: unknown): readonly RenderedSection[] {
  const sections = typeof options === 'object' && options !== null ? (options as { sections?: unknown }).sections : undefined;
  return Array.isArray(sections) ? (sections as RenderedSection[]) : [];
}

function Section({ section, children }: { section: RenderedSection; children: ReactNode }) {
  return (
    <section className={section.title === undefined ? 'form-section is-divider' : 'form-section'} data-testid={`section-${section.id}`}>
      {section.title !== undefined ? <h3 className="form-section-title">{section.title}</h3> : <hr className="form-divider" />}
      <div className="form-grid">{children}</div>
    </section>
  );
}

/**
 * The record's fields in rows of a six-column grid (each field's width from the form's layout), grouped
 * into the layout's sections; a sub-table line hands its cells straight to the line's grid row; any
 * other object is a fieldset.
 */
export function ObjectTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, title, uiSchema } = props;
  const path = fieldPathId.path;
  if (isSubTableLine(path)) return <>{properties.map((property) => property.content)}</>;
  if (path.length === 0) {
    const sections = sectionsOf(uiSchema?.['ui:options']);
    if (sections.length === 0) {
      return (
        <div className="form-grid" id={fieldPathId.$id}>
          {properties.map((property) => property.content)}
        </div>
      );
    }
    const lead: ReactNode[] = [];
    const groups: { section: RenderedSection; fields: ReactNode[] }[] = [];
    for (const property of properties) {
      for (const section of sections) if (section.before === property.name) groups.push({ section, fields: [] });
      (groups.at(-1)?.fields ?? lead).push(property.content);
    }
    for (const section of sections) if (section.before === undefined) groups.push({ section, fields: [] });
    return (
      <div className="form-sections" id={fieldPathId.$id}>
        {lead.length > 0 ? <div className="form-grid">{lead}</div> : null}
        {groups.map(({ section, fields }) => (
          <Section key={section.id} section={section}>
            {fields}
          </Section>
        ))}
      </div>
    );
  }
  return (
    <fieldset className="object-group" id={fieldPathId.$id}>
      {title ? <legend>{title}</legend> : null}
      <div className="form-grid">{properties.map((property) => property.content)}</div>
    </fieldset>
  );
}
