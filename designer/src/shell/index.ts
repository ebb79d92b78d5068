export { DefinitionsProvider, useDefinitions, type Definitions } from './definitions-context.js';
export { describeError } from './describe-error.js';
export { HomePage } from './home-page.js';
export { Layout } from './layout.js';
export { buildNavigation, type NavigationSection } from './navigation.js';
export { OpenTaskCountProvider, useOpenTaskCount } from './open-task-count.js';
