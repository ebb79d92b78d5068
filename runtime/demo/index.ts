export { loadDemo, type DemoLoadResult } from './load-demo.js';
export { readDemoContent, type DemoContent, type DemoRecordFile, type DemoUser } from './demo-files.js';
