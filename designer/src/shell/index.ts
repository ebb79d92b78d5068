export { DefinitionsProvider, useDefinitions, type Definitions } from './definitions-context.js';
export { describeError, describeFailure } from './describe-error.js';
export { HomePage } from './home-page.js';
export { Layout } from './layout.js';
export { buildNavigation, type NavigationSection } from './navigation.js';
export { FlashNotice, RetryNotice } from './page-notices.js';
export { OpenTaskCountProvider, useOpenTaskCount } from './open-task-count.js';
export { useEscapeKey } from './use-escape-key.js';
