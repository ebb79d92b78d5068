import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import type { NamedOption } from './design-context.js';
import { isJson } from './workflow-graph.js';

export function readText(value: unknown, fallback: string): LocalizedText {
  if (isJson(value) && typeof value['zh-CN'] === 'string' && typeof value.en === 'string') return { 'zh-CN': value['zh-CN'], en: value.en };
  return { 'zh-CN': fallback, en: fallback };
}

/** A text box that hands over its value when it loses focus or on Enter (renames must not happen per keystroke). */
export function CommitInput({ value, onCommit, check, testId }: { value: string; onCommit: (next: string) => void; check: (next: string) => string | null; testId: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = draft === value ? null : check(draft);
  const commit = () => {
    if (draft !== value && problem === null) onCommit(draft);
    else setDraft(value);
  };
  return (
    <>
      <input
        value={draft}
        className={problem !== null ? 'is-invalid' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(value);
        }}
        data-testid={testId}
      />
      {problem !== null ? <span className="fd-hint fd-error">{problem}</span> : null}
    </>
  );
}

/** Ticks for a set of roles or fields; the order of the options is kept in what it writes. */
export function Checklist({ options, chosen, onChange, testId }: { options: readonly NamedOption[]; chosen: readonly string[]; onChange: (next: string[]) => void; testId: string }) {
  const { text } = useI18n();
  return (
    <div className="wd-checklist" data-testid={testId}>
      {options.map((option) => (
        <label key={option.id} className="wd-check">
          <input
            type="checkbox"
            checked={chosen.includes(option.id)}
            onChange={(event) => {
              const next = event.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id);
              onChange(options.map((candidate) => candidate.id).filter((id) => next.includes(id)).concat(next.filter((id) => !options.some((candidate) => candidate.id === id))));
            }}
            data-testid={`${testId}-${option.id}`}
          />
          <span>{text(option.title)}</span>
        </label>
      ))}
    </div>
  );
}
