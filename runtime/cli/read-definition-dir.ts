import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Skipped: demo data sits beside the definitions but is records and users, not definitions. */
const SKIPPED_FOLDER = 'demo';
const DEFINITION_FILE = /\.(json|hbs)$/;

/** Every *.json file (and print templates' *.hbs files) under `dir` (recursively, sorted by path), each path being `dir` joined to the file's place in it. */
export async function readDefinitionDir(dir: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  await collect(dir, files);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

async function collect(dir: string, files: { path: string; text: string }[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== SKIPPED_FOLDER) await collect(full, files);
    else if (entry.isFile() && DEFINITION_FILE.test(entry.name)) files.push({ path: full, text: await readFile(full, 'utf8') });
  }
}
