/**
 * What a file really is, from its first bytes, never from its name or the type the browser declared:
 * a file named `.png` that holds HTML must not be served back as something a browser would run.
 * Only the types below may be attached; SVG and HTML never, as they can carry scripts.
 */
export const ALLOWED_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'text/csv',
] as const;

export type AttachmentType = (typeof ALLOWED_ATTACHMENT_TYPES)[number];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

const OFFICE_TYPES: Readonly<Record<string, AttachmentType>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const TEXT_TYPES: Readonly<Record<string, AttachmentType>> = { txt: 'text/plain', csv: 'text/csv', log: 'text/plain' };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Text a person could read: valid UTF-8 without control characters other than tab and line breaks. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * The type of the content, or undefined when it is not one Ordo accepts. Zip containers count as an
 * Office document only under that extension (the content alone cannot tell docx from xlsx cheaply);
 * text only as .txt/.csv/.log, so an HTML or SVG file is refused whatever it is called.
 */
export function sniffAttachmentType(bytes: Uint8Array, fileName: string): AttachmentType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  const extension = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return OFFICE_TYPES[extension];
  const textType = TEXT_TYPES[extension];
  if (textType !== undefined && isPlainText(bytes)) return textType;
  return undefined;
}

export function isImageType(type: string): boolean {
  return type.startsWith('image/');
}
