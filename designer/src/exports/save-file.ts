import type { DownloadedFile } from '../api/index.js';

/** Hands a downloaded file to the browser's save dialog under the name the server chose (or `fallback`). */
export function saveFile(file: DownloadedFile, fallback: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallback;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after this turn, while it starts the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
