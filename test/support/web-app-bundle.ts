import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';

/** What the bundle is built from: the web app, the engine it imports, and the pinned dependencies. */
const SOURCES = ['designer', 'engine', 'package-lock.json'];
const LOCK_STALE_MS = 5 * 60_000;
const POLL_MS = 250;

async function filesUnder(root: string, path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [relative(root, path)];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.filter((entry) => entry.name !== 'node_modules').map((entry) => filesUnder(root, join(path, entry.name))));
  return nested.flat();
}

/** A hash of every source file's path and content: equal exactly when a build would give the same bundle. */
async function sourceKey(projectRoot: string): Promise<string> {
  const files = (await Promise.all(SOURCES.map((source) => filesUnder(projectRoot, join(projectRoot, source))))).flat().sort();
  const hash = createHash('sha256');
  // Bundles built before the build forced production mode (a development React, when a vitest worker built one) must not be reused.
  hash.update('production\0');
  for (const file of files) hash.update(file).update('\0').update(await readFile(join(projectRoot, file))).update('\0');
  return hash.digest('hex').slice(0, 20);
}

async function lockIsStale(lock: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lock)).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * The web app built from the current sources, shared by every browser test file of a run: each file
 * used to build its own (tens of seconds on two cores, a minute under load). The folder is named by
 * a hash of the sources, so a test never runs a stale bundle; the first worker to need it builds it
 * under a lock (mkdir is atomic) while the others wait.
 */
export async function webAppBundle(projectRoot: string): Promise<string> {
  const bundle = join(tmpdir(), `ordo-web-${await sourceKey(projectRoot)}`);
  const lock = `${bundle}.lock`;
  for (;;) {
    if (existsSync(join(bundle, 'index.html'))) return bundle;
    try {
      await mkdir(lock);
    } catch {
      if (await lockIsStale(lock)) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    try {
      const scratch = `${bundle}.${process.pid}`;
      // Vite builds for the NODE_ENV it finds, and vitest sets it to 'test': a bundle built by a test
      // worker held React's development build (about twice the work per render) and every bench
      // after it reused that bundle. The server ships a production build, so every bundle is one.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({
          configFile: join(projectRoot, 'designer', 'vite.config.ts'),
          logLevel: 'silent',
          mode: 'production',
          build: { outDir: scratch, emptyOutDir: true },
        });
      } finally {
        if (nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = nodeEnv;
      }
      try {
        await rename(scratch, bundle);
      } catch (error) {
        // Another worker finished the same bundle after taking over a stale lock.
        await rm(scratch, { recursive: true, force: true });
        if (!existsSync(join(bundle, 'index.html'))) throw error;
      }
      return bundle;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
