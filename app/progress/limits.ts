/**
 * Next's server action body limit is 1MB (next.config does not raise it); an upload stays below
 * it with room for the rest of the form. Larger backups go through `npm run progress:import`.
 */
export const BACKUP_UPLOAD_MAX_BYTES = 900 * 1024;
