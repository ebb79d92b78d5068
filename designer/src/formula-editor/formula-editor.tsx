import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n, type MessageId } from '../i18n/index.js';
import { applySuggestion, complete, type Completion, type Suggestion } from './completion.js';
import { diagnoseFormula, markedSegments } from './diagnose.js';
import { localizeProblem } from './localize-problem.js';
import type { FormulaExpectation, FormulaField } from './formula-scope.js';
import { signatureAt } from './signature-help.js';
import { SignatureCard } from './signature-card.js';
import './formula-editor.css';

/** The suggestion list's width in pixels (narrower in a narrow editor); the CSS says the same. */
const LIST_WIDTH = 280;

export interface FormulaEditorProps {
  value: string;
  onChange: (text: string) => void;
  fields: readonly FormulaField[];
  expect?: FormulaExpectation;
  label?: string;
  /** For tests and for labels elsewhere on the page. */
  testId?: string;
}

/** A type name for people: `number` -> 数字. */
export function useTypeName(): (type: string) => string {
  const { t } = useI18n();
  return (type) => {
    const id = `formula.type.${type}`;
    const known: readonly string[] = ['number', 'text', 'boolean', 'date', 'datetime', 'any', 'list', 'table'];
    return known.includes(type) ? t(id as MessageId) : type;
  };
}

/**
 * A formula input: a plain text box over a layer that underlines problems, a suggestion list
 * (fields, sub-table columns, functions) and the help of the function the cursor is in. Problems
 * and the result type come from the engine's checker, the one the runtime publishes with.
 */
export function FormulaEditor({ value, onChange, fields, expect, label, testId = 'formula-editor' }: FormulaEditorProps) {
  const { t, locale } = useI18n();
  const typeName = useTypeName();
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const input = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const caret = useRef<HTMLSpanElement>(null);
  const [cursor, setCursor] = useState(value.length);
  const [focused, setFocused] = useState(false);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState({ top: 0, left: 0 });
  const [scroll, setScroll] = useState(0);
  const report = useMemo(() => diagnoseFormula(value, fields, expect), [value, fields, expect]);
  const signature = focused ? signatureAt(value, cursor) : null;
  const open = focused && completion !== null;
  const activeItem = open ? completion.items[Math.min(active, completion.items.length - 1)] : undefined;

  useLayoutEffect(() => {
    if (completion === null || caret.current === null || mirror.current === null) return;
    const width = mirror.current.clientWidth;
    setAnchor({ top: caret.current.offsetTop + caret.current.offsetHeight - scroll, left: Math.max(0, Math.min(caret.current.offsetLeft, width - Math.min(LIST_WIDTH, width))) });
  }, [completion, scroll]);

  // After a suggestion is taken the caret goes behind it in the same commit that shows the new text,
  // before the next key is handled: placed a frame later, it could jump back over what was typed since.
  const placeCaret = useRef<{ text: string; at: number } | null>(null);
  useLayoutEffect(() => {
    const pending = placeCaret.current;
    if (pending === null || input.current === null || input.current.value !== pending.text) return;
    placeCaret.current = null;
    input.current.focus();
    input.current.setSelectionRange(pending.at, pending.at);
  });

  function refresh(text: string, at: number, explicit = false) {
    setCursor(at);
    const next = complete(text, at, fields, explicit);
    setCompletion(next);
    if (next === null || completion === null || next.from !== completion.from) setActive(0);
  }

  function accept(item: Suggestion) {
    if (completion === null) return;
    const { text, cursor: at } = applySuggestion(value, completion, item);
    placeCaret.current = { text, at };
    onChange(text);
    setCompletion(null);
    setCursor(at);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      refresh(value, event.currentTarget.selectionStart, true);
      return;
    }
    if (!open) return;
    const count = completion.items.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && activeItem !== undefined) {
      event.preventDefault();
      accept(activeItem);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setCompletion(null);
    }
  }

  const first = report.diagnostics[0];
  const invalid = first !== undefined;
  return (
    <div className="fx" data-testid={testId}>
      {label !== undefined ? (
        <label className="fx-label" htmlFor={id}>
          {label}
        </label>
      ) : null}
      <div className={invalid ? 'fx-box is-invalid' : 'fx-box'}>
        <div className="fx-layer" ref={mirror} aria-hidden="true" style={{ transform: `translateY(${-scroll}px)` }}>
          {markedSegments(value, report.diagnostics).map((segment, index) =>
            segment.marked ? (
              <mark key={index} className="fx-mark" data-testid="formula-error-mark">
                {segment.text}
              </mark>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
        </div>
        <div className="fx-layer fx-measure" aria-hidden="true">
          {value.slice(0, completion?.from ?? 0)}
          <span ref={caret}>&#8203;</span>
        </div>
        <textarea
          ref={input}
          id={id}
          className="fx-input"
          value={value}
          rows={Math.min(6, Math.max(2, value.split('\n').length))}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={t('formula.placeholder')}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeItem === undefined ? undefined : `${listId}-${active}`}
          aria-invalid={invalid}
          aria-describedby={statusId}
          data-testid={`${testId}-input`}
          onChange={(event) => {
            onChange(event.target.value);
            refresh(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (event.key.startsWith('Arrow') && !open) setCursor(event.currentTarget.selectionStart);
          }}
          onClick={(event) => setCursor(event.currentTarget.selectionStart)}
          onScroll={(event) => setScroll(event.currentTarget.scrollTop)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setCompletion(null);
          }}
        />
        <ul className="fx-list" role="listbox" id={listId} aria-label={t('formula.suggestions')} hidden={!open} style={{ top: anchor.top + 4, left: anchor.left }} data-testid={`${testId}-list`}>
          {open
            ? completion.items.map((item, index) => (
                <li
                  key={`${item.kind}:${item.name}`}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'fx-option is-active' : 'fx-option'}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    accept(item);
                  }}
                  onMouseEnter={() => setActive(index)}
                  data-testid="formula-option"
                >
                  <span className={`fx-kind fx-kind-${item.kind}`}>{item.kind === 'function' ? 'ƒ' : '#'}</span>
                  <span className="fx-option-name">{item.name}</span>
                  <span className="fx-option-detail">{item.kind === 'field' ? `${item.detail} · ${typeName(item.type === undefined ? 'any' : item.type)}` : item.detail}</span>
                </li>
              ))
            : null}
          {open ? <li className="fx-keys" aria-hidden="true">{t('formula.keys')}</li> : null}
        </ul>
      </div>
      {activeItem?.doc !== undefined ? <SignatureCard doc={activeItem.doc} /> : signature !== null ? <SignatureCard doc={signature.doc} param={signature.param?.name} /> : null}
      <div id={statusId} className={invalid ? 'fx-status is-invalid' : 'fx-status'} aria-live="polite" data-testid={`${testId}-status`}>
        {invalid ? (
          <>
            <span className="fx-status-icon">!</span>
            <span>{t('formula.problem', { line: first.line, column: first.column, message: localizeProblem(first.message, locale) })}</span>
            {report.diagnostics.length > 1 ? <span className="fx-more">{t('formula.more', { count: report.diagnostics.length - 1 })}</span> : null}
          </>
        ) : report.resultType !== null ? (
          <>
            <span className="fx-status-icon is-ok">✓</span>
            <span data-testid={`${testId}-type`}>{t('formula.result', { type: typeName(report.resultType) })}</span>
          </>
        ) : (
          <span className="fx-muted">{t('formula.empty')}</span>
        )}
      </div>
    </div>
  );
}
