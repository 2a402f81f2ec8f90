/**
 * The permission model, declared once and used by the relay (doc access), the data service (doc
 * access and every RPC's action) and the UI (what is hidden or disabled): `docAccess` says which
 * member may read or write which doc, `can` which member may do which action.
 */
export { docAccess, decideDocAccess, needsRegistry, standing } from './doc-access';
export type { AccessRefusal, ActingMember, DocAccess, DocDecision, LocalState, PermissionSubject, RegistryFacts, Standing, WorkspaceFacts } from './doc-access';
export { ACTIONS, ALL_ACTIONS, can, roleMay } from './actions';
export type { Action, ActionTarget } from './actions';
