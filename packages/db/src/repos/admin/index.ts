// The admin area's data access: the workspace and its playbook, operators, API keys, the
// first-install bootstrap, and mailbox administration (disconnect, full re-sync, sync progress).
export { type ApiKeyRow, type CreatedApiKey, createApiKey, listApiKeys, type RevokeApiKeyResult, revokeApiKey } from './api-keys';
export { type BootstrapResult, bootstrapWorkspace, installationHasWorkspace } from './bootstrap';
export {
  type DisconnectResult,
  disconnectMailbox,
  type RestartSyncResult,
  restartMailboxSync,
  type StoredCounts,
  storedCountsByMailbox,
} from './mailboxes';
export {
  type CreateOperatorResult,
  createOperator,
  type DisableOperatorResult,
  disableOperator,
  listOperators,
  type OperatorRow,
} from './operators';
export { clientSettingsOf, findWorkspace, updateWorkspace, type WorkspaceChange, type WorkspaceRow } from './workspace';
