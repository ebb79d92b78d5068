import type { FieldType } from './field-model.js';

// Short glyphs in the style of Chinese low-code tools' palettes, drawn as text so they need no icon font.
const GLYPHS: Readonly<Record<FieldType, string>> = {
  text: 'Aa',
  textarea: '¶',
  number: '12',
  money: '¥',
  date: '31',
  dateTime: '◷',
  choice: '◉',
  multiChoice: '☰',
  member: '☺',
  department: '⌂',
  attachments: '▤',
  yesNo: '☑',
  lookup: '↗',
  serial: '#',
  table: '▦',
};

export function FieldTypeIcon({ type }: { type: FieldType }) {
  return (
    <span className={`fd-icon fd-icon-${type}`} aria-hidden="true">
      {GLYPHS[type]}
    </span>
  );
}
