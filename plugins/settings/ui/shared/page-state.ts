// Moved to sdk/ui/page-state.ts; kept so that pages written against the old path still build.
export { PageState } from '../../../../sdk/ui/page-state.js';
