import type { MachineAlternative, ShopJob, ShopModel, ShopOperation } from '../model/index.js';
import { checkDuration, instanceError, readHeader, readInstanceLines } from './instance-text.js';

/**
 * Reads the Brandimarte .fjs flexible job-shop format: "<jobs> <machines> [<average alternatives>]",
 * then per job its operation count and, per operation, "<k>" and k pairs "<machine> <time>". Machines
 * are numbered from 1 in the file and from 0 in the model. The job data is read as one stream of
 * numbers, so line breaks inside a job do not matter.
 */
export function parseFjs(text: string): ShopModel {
  const [header, ...body] = readInstanceLines(text, 'fjs', 2);
  const { jobs, machines } = readHeader(header!, 'fjs', 1);
  const numbers = body.flatMap((line) => line.numbers);
  let at = 0;
  const next = (what: string): number => {
    if (at >= numbers.length) throw instanceError(`fjs: the data ends while reading ${what}`);
    return numbers[at++]!;
  };
  const shopJobs: ShopJob[] = [];
  for (let j = 0; j < jobs; j++) {
    const count = next(`the operation count of job ${j}`);
    if (count < 1) throw instanceError(`fjs job ${j}: operation count ${count} must be at least 1`);
    const operations: ShopOperation[] = [];
    for (let k = 0; k < count; k++) {
      const choices = next(`the machine count of job ${j} op ${k}`);
      if (choices < 1) throw instanceError(`fjs job ${j} op ${k}: machine count ${choices} must be at least 1`);
      const alternatives: MachineAlternative[] = [];
      for (let a = 0; a < choices; a++) {
        const fileMachine = next(`a machine of job ${j} op ${k}`);
        const duration = next(`a processing time of job ${j} op ${k}`);
        if (fileMachine < 1 || fileMachine > machines) throw instanceError(`fjs job ${j} op ${k}: machine ${fileMachine} is outside 1..${machines}`);
        if (alternatives.some((alternative) => alternative.machine === fileMachine - 1)) {
          throw instanceError(`fjs job ${j} op ${k}: machine ${fileMachine} is listed twice`);
        }
        checkDuration(duration, `fjs job ${j} op ${k}`);
        alternatives.push({ machine: fileMachine - 1, duration });
      }
      operations.push({ alternatives });
    }
    shopJobs.push({ operations });
  }
  if (at !== numbers.length) throw instanceError(`fjs: ${numbers.length - at} unexpected numbers after the ${jobs} declared jobs`);
  return { machineCount: machines, jobs: shopJobs };
}
