import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrdoError } from '../../engine/errors/index.js';

const LOCK_FILE = 'ordo.lock';

/**
 * PGlite does not notice a second process opening its folder, and two writers corrupt it. A lock file
 * holding the owner's pid keeps `ordo user add` away from a running server; a lock left by a process
 * that no longer runs is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', `The data folder ${dir} is in use by process ${owner}; stop it first (or delete ${LOCK_FILE} there if that process is not Ordo)`);
    }
    await rm(file, { force: true });
  }
  throw new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', `The data folder ${dir} is being opened by another process`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
