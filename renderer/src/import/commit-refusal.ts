/**
 * Why the import dialog shows an error, in the panel's title: a file refused before reading, or a
 * commit the data service refused (nothing was written). A refused commit is shown by the shared
 * FormDialog, which titles an RpcError with its `title`; {@link CommitRefusal} gives it the
 * import's own title ("Nothing was imported …") and keeps the service's message as the detail.
 */
import { t } from '../../../shared/messages';
import { RpcError } from '../data/rpc-error';
import { FileTooLargeError } from './read-file';

/** The panel title for an error met before the mapping step (a refused file); undefined for the error's own. */
export function pickProblemTitle(err: unknown): string | undefined {
  return err instanceof FileTooLargeError ? t('ui.import.too-large-title') : undefined;
}

/** A refused `import.commit`: the service's code and message, titled "Nothing was imported…". */
export class CommitRefusal extends RpcError {
  /** @param err what the commit rejected with (an RpcError, or anything else, e.g. a lost connection). */
  constructor(err: unknown) {
    super(
      err instanceof RpcError
        ? { code: err.code, message: err.message, ...(err.messageId ? { messageId: err.messageId } : {}), ...(err.values ? { values: err.values } : {}) }
        : { code: 'internal', message: err instanceof Error ? err.message : String(err) },
    );
    this.name = 'CommitRefusal';
  }

  /** "Nothing was imported: the case would hold too many seizures" for `too-large`, else "Nothing was imported". */
  override get title(): string {
    return t(this.code === 'too-large' ? 'ui.import.case-too-full-title' : 'ui.import.nothing-imported');
  }
}
