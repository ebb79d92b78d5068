import type { DraftCodec } from '../definition-drafts/index.js';
import { newReport, readReport, reportText, withMember, type DesignReport } from './report-model.js';

/** The report designer's model in the shared draft hook: the definition object, its text byte for byte. */
export const reportCodec: DraftCodec<DesignReport> = {
  parse(text) {
    const read = readReport(text);
    if (!read.ok) throw new Error(read.error);
    return read.model;
  },
  print: reportText,
  empty: (id) => newReport(id, { 'zh-CN': id, en: id }),
  withVersion: (model, version) => ({ ...model, definition: withMember(model.definition, 'version', version) }),
};
