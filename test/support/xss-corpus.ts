import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';

/**
 * The markup that got through rjsf's markdown rendering (rjsf #4254, markdown-to-jsx #654) and the
 * classic script vectors next to it. Rendered as text, none of it may become an element.
 */
export const XSS_PAYLOADS: readonly string[] = [
  `<img src=x onerror="alert('img')">`,
  `<iframe srcdoc="<script>alert('iframe')</script>"></iframe>`,
  `<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgnZW1iZWQnKTwvc2NyaXB0Pg==">`,
  `<a href="javascript:alert('link')">link</a>`,
  `<svg onload="alert('svg')"></svg>`,
];

/** Elements any of the payloads would create if it were parsed as HTML. */
export const XSS_ELEMENT_SELECTORS: readonly string[] = ['img[src="x"]', 'iframe', 'embed', 'a[href^="javascript:"]', 'svg[onload]', '[onerror]', '[onload]'];

/** A marker, so each place the corpus sits in can be found on the page, then every payload. */
export function xssText(marker: string): string {
  return `${marker} ${XSS_PAYLOADS.join(' ')}`;
}

function localized(marker: string): { 'zh-CN': string; en: string } {
  return { 'zh-CN': xssText(`${marker}-zh`), en: xssText(`${marker}-en`) };
}

export const XSS_ROLE = 'sales-clerk';

/** A form whose every shown string carries the corpus: title, description, labels, help and choice titles. */
export const XSS_FORM: FormDefinition = {
  kind: 'form',
  id: 'xss-probe',
  version: 1,
  title: localized('form-title'),
  description: localized('form-description'),
  schema: {
    type: 'object',
    required: ['note'],
    properties: {
      note: { type: 'string', maxLength: 2000 },
      kind: {
        type: 'string',
        oneOf: [
          { const: 'markup', title: xssText('kind-title') },
          { const: 'plain', title: 'plain' },
        ],
      },
      grade: { type: 'string', enum: ['markup', 'plain'] },
      lines: {
        type: 'array',
        maxItems: 10,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            remark: { type: 'string', maxLength: 2000 },
            qty: { type: 'number' },
          },
        },
      },
    },
  },
  labels: {
    note: localized('note-label'),
    kind: localized('kind-label'),
    grade: localized('grade-label'),
    lines: localized('lines-label'),
    'lines.remark': localized('remark-label'),
    'lines.qty': localized('qty-label'),
  },
  help: {
    note: localized('note-help'),
    kind: localized('kind-help'),
    grade: localized('grade-help'),
  },
  options: {
    grade: { markup: localized('grade-option'), plain: { 'zh-CN': '普通', en: 'plain' } },
  },
  access: { read: [XSS_ROLE], create: [XSS_ROLE], update: [XSS_ROLE] },
  list: { columns: ['note', 'kind', 'grade'], searchFields: ['note'] },
  titleField: 'note',
};
