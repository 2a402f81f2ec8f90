/**
 * The permission model, declared once and used by the relay (doc access), the data service (doc
 * access and every RPC's action) and the UI (what is hidden or disabled): `docAccess` says which
 * member may read or write which doc, `can` which member may do which action.
 */
export { accessRef, docAccess, decideDocAccess, needsRegistry, standing } from './doc-access';
export type { AccessRefusal, ActingMember, DocAccess, DocDecision, LocalState, PermissionSubject, RegistryFacts, Standing, WorkspaceFacts } from './doc-access';
export { ACTIONS, ALL_ACTIONS, can, roleMay } from './actions';
export type { Action, ActionTarget } from './actions';
export { APPEND_ONLY_PATHS, RECORD_MAPS, DELETED_FIELD, MASS_DELETION_THRESHOLD, MASS_DELETION_WINDOW_MS, classifyDeletion, isAppendOnly, isMassDeletion, judgeDeletions, judgeErasure, recordsDeleted } from './deletion-rules';
export type { DeletionKind, DeletionRefusal, DeletionSummary } from './deletion-rules';
export { summariseDeletions } from './deletion-summary';
