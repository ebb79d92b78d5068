export {
  MAX_ATTACHMENT_BYTES,
  UNREFERENCED_ATTACHMENT_MS,
  cleanFileName,
  createAttachmentService,
  tooLarge,
  type AttachmentDependencies,
  type AttachmentFile,
  type AttachmentService,
  type AttachmentValue,
} from './attachment-service.js';
export { ALLOWED_ATTACHMENT_TYPES, isImageType, sniffAttachmentType, type AttachmentType } from './content-sniffing.js';
